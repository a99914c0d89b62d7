/**
 * The largest amount the system accepts, in minor units of any currency: 9,999,999,999,999
 * (EUR 99,999,999,999.99; JPY 9,999,999,999,999; KWD 9,999,999,999.999). Every amount that comes in
 * (an invoice line, its total, a payment, a credit note, a credit limit, a promise, a fee) is checked
 * against it before anything is written. It sits three orders of magnitude below 2^53, so a sum of up to
 * 900 amounts at the limit is still an exact JavaScript number when it is read back.
 */
export const MAX_AMOUNT = 9_999_999_999_999;

export class AmountLimitExceededError extends RangeError {
  constructor(
    /** Where the amount came from, as a request path (`lines[2]`, `total`). */
    readonly path: string,
    readonly amount: bigint,
  ) {
    super(`${path} comes to ${amount} minor units, above the maximum of ${MAX_AMOUNT}`);
    this.name = 'AmountLimitExceededError';
  }
}

/** The amount as a number, or AmountLimitExceededError when it is negative-out-of-range or above MAX_AMOUNT. */
export function checkedAmount(value: bigint, path: string): number {
  if (value > BigInt(MAX_AMOUNT) || value < -BigInt(MAX_AMOUNT)) throw new AmountLimitExceededError(path, value);
  return Number(value);
}
