import { creditorReference, formatCreditorReference, isValidCreditorReference, quotedCreditorReferences } from './creditor-reference';

describe('ISO 11649 creditor references', () => {
  it('computes the check digits of the standard example and of published ones', () => {
    // ISO 11649's own example: reference 539007547034 → RF18 5390 0754 7034.
    expect(creditorReference('539007547034')).toBe('RF18539007547034');
    expect(formatCreditorReference(creditorReference('539007547034'))).toBe('RF18 5390 0754 7034');
    expect(creditorReference('2348231')).toBe('RF712348231');
    expect(creditorReference('a')).toBe(creditorReference('A'));
  });

  it('validates references with spaces or in lower case and refuses a wrong digit, a swap or a wrong shape', () => {
    for (const valid of ['RF18539007547034', 'RF18 5390 0754 7034', 'rf18 5390 0754 7034', 'RF712348231', creditorReference('AR0000K7Q2')]) {
      expect(isValidCreditorReference(valid)).toBe(true);
    }
    for (const invalid of ['RF19539007547034', 'RF18539007547043', 'RF18', 'RF1853900754703412345678901', 'XX18539007547034', 'RF18-5390']) {
      expect(isValidCreditorReference(invalid)).toBe(false);
    }
  });

  it('finds the valid references quoted in a payment text, and only those', () => {
    expect(quotedCreditorReferences('Zahlung RF18 5390 0754 7034, danke; RF19539007547034 ignored')).toEqual(['RF18539007547034']);
    expect(quotedCreditorReferences('INV-2026-000123')).toEqual([]);
    expect(quotedCreditorReferences('RF18 5390 0754 7034 Danke')).toEqual(['RF18539007547034']);
    expect(quotedCreditorReferences('Ref:RF712348231/2026')).toEqual(['RF712348231']);
  });

  it('refuses a body that is too long or not alphanumeric', () => {
    expect(() => creditorReference('1234567890123456789012')).toThrow();
    expect(() => creditorReference('AB-12')).toThrow();
  });
});
