import { currencyExponent, isCurrency } from '@ar/money';

/**
 * A bank amount ("105.75") in minor units of its currency, exactly; null when it has more decimals than the
 * currency (a bank file with "8.850" EUR is fine, "8.855" is not), is not a known currency, or is not a plain amount.
 */
export function bankAmountToMinor(amount: string | null, currency: string | null): number | null {
  if (amount === null || currency === null || !isCurrency(currency)) return null;
  const match = /^(\d{1,13})(?:\.(\d+))?$/.exec(amount.trim());
  if (!match) return null;
  const exponent = currencyExponent(currency);
  const decimals = (match[2] ?? '').replace(/0+$/, '');
  if (decimals.length > exponent) return null;
  return Number(match[1]) * 10 ** exponent + Number(decimals.padEnd(exponent, '0') || '0');
}
