export * from './auth.decorators';
export * from './auth.guard';
export * from './auth.module';
export * from './bearer-token';
export * from './principal';
export * from './role';
export * from './token-verifier';
export * from './visibility.service';
