/**
 * The one place money is rounded: integer division of numerator by denominator, half away from zero
 * (2.5 → 3, -2.5 → -3). BigInt keeps every intermediate product exact.
 */
export function divideRoundHalfAwayFromZero(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new RangeError('division by zero');
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const quotient = (2n * n + d) / (2n * d);
  return negative ? -quotient : quotient;
}

/** A non-negative decimal with at most `scale` fractional digits, as an integer scaled by 10^scale. */
export function toScaledInteger(value: number | string, scale: number): bigint {
  const text = typeof value === 'number' ? numberToPlainString(value) : value.trim();
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) throw new RangeError(`Not a decimal number: ${text}`);
  const [, sign, whole, fraction = ''] = match;
  if (fraction.length > scale && /[1-9]/.test(fraction.slice(scale))) {
    throw new RangeError(`${text} has more than ${scale} decimal places`);
  }
  const scaled = BigInt(whole + fraction.slice(0, scale).padEnd(scale, '0'));
  return sign === '-' ? -scaled : scaled;
}

function numberToPlainString(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`Not a finite number: ${value}`);
  // Exponent notation (below 1e-6, from 1e21) is refused by the caller as not a plain decimal; no valid
  // input is that small or that large.
  return String(value);
}
