import { formatMinor, formatMoney } from './decimal-amount';

describe('decimal amounts', () => {
  it('writes minor units in the currency exponent', () => {
    expect(formatMinor(119000, 'EUR')).toBe('1190.00');
    expect(formatMinor(5, 'EUR')).toBe('0.05');
    expect(formatMinor(-1205, 'EUR')).toBe('-12.05');
    expect(formatMinor(500, 'JPY')).toBe('500');
    expect(formatMinor(1234, 'KWD')).toBe('1.234');
    expect(formatMinor(9_007_199_254_740_991, 'EUR')).toBe('90071992547409.91');
  });

  // Intl separates with no-break spaces; compared here as plain ones.
  const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

  it('formats for a reader in German, English and Russian, exactly', () => {
    expect(plain(formatMoney(119000, 'EUR', 'de'))).toBe('1.190,00 €');
    expect(formatMoney(119000, 'EUR', 'en')).toBe('€1,190.00');
    expect(plain(formatMoney(119000, 'RUB', 'ru'))).toBe('1 190,00 ₽');
    expect(formatMoney(9_007_199_254_740_991, 'EUR', 'en')).toBe('€90,071,992,547,409.91');
  });
});
