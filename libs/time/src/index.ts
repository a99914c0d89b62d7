export * from './business-calendar';
export * from './calendar-date';
export * from './clock';
export * from './time.module';
