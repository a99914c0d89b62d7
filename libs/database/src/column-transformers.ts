import { ValueTransformer } from 'typeorm';

// node-postgres returns bigint and numeric as strings on purpose; amounts in minor units
// stay far below 2^53, so a checked conversion to number is exact.
export const bigintColumn: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null): number | null => {
    if (value === null || value === undefined) return null;
    const n = Number(value);
    if (!Number.isSafeInteger(n)) throw new RangeError(`bigint ${value} exceeds the safe integer range`);
    return n;
  },
};

/** Decimal columns that are rates or percentages (never money): kept as numbers. */
export const decimalColumn: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null): number | null => (value === null || value === undefined ? null : Number(value)),
};
