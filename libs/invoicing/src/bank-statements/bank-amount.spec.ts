import { bankAmountToMinor } from './bank-amount';

describe('bank amounts', () => {
  it('are exact minor units; trailing zeros beyond the exponent are fine, real extra decimals are not', () => {
    expect(bankAmountToMinor('105.75', 'EUR')).toBe(10575);
    expect(bankAmountToMinor('8.850', 'EUR')).toBe(885);
    expect(bankAmountToMinor('8.85000', 'EUR')).toBe(885);
    expect(bankAmountToMinor('200000', 'SEK')).toBe(20_000_000);
    expect(bankAmountToMinor('1500', 'JPY')).toBe(1500);
    expect(bankAmountToMinor('0.1', 'EUR')).toBe(10);
    expect(bankAmountToMinor('8.855', 'EUR')).toBeNull();
    expect(bankAmountToMinor('15.5', 'JPY')).toBeNull();
    expect(bankAmountToMinor('-1.00', 'EUR')).toBeNull();
    expect(bankAmountToMinor('1.00', 'XXY')).toBeNull();
    expect(bankAmountToMinor(null, 'EUR')).toBeNull();
  });
});
