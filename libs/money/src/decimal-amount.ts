import { currencyExponent } from './currencies';

/** Minor units as a plain decimal string in the currency's exponent: 119000 EUR → "1190.00", 500 JPY → "500". */
export function formatMinor(amount: number, currency: string): string {
  const exponent = currencyExponent(currency);
  const digits = String(Math.abs(amount)).padStart(exponent + 1, '0');
  const whole = exponent === 0 ? digits : digits.slice(0, -exponent);
  const fraction = exponent === 0 ? '' : `.${digits.slice(-exponent)}`;
  return `${amount < 0 ? '-' : ''}${whole}${fraction}`;
}

/** Minor units for a reader of `locale`, with the currency's sign: 119000 EUR in de → "1.190,00 €". Exact: no float arithmetic. */
// Building an Intl formatter costs far more than using one: one per locale and currency, kept for the process.
const MONEY_FORMATS = new Map<string, Intl.NumberFormat>();

export function formatMoney(amount: number, currency: string, locale: string): string {
  const key = `${locale}|${currency}`;
  let format = MONEY_FORMATS.get(key);
  if (!format) {
    const exponent = currencyExponent(currency);
    format = new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: exponent, maximumFractionDigits: exponent });
    MONEY_FORMATS.set(key, format);
  }
  return format.format(formatMinor(amount, currency) as unknown as number);
}
