export * from './amount-limit';
export * from './cash-discount';
export * from './currencies';
export * from './invoice-line-amounts';
export * from './money';
export * from './rounding';
export * from './decimal-amount';
export * from './volume-discount';
