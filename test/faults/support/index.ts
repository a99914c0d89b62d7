export * from './fault-lab';
export * from './invariants';
export * from './own-postgres';
export * from './payment-sender';
export * from './portfolio';

/** Today in the business time zone, as the services compute it (payments may not be dated later). */
export function businessToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

export const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
