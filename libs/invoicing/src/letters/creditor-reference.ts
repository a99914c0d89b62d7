/**
 * ISO 11649 structured creditor references ("RF references"): `RF`, two check digits, then 1 to 21 letters
 * and digits. The check digits make the whole reference, moved `RF..` to the end and letters read as numbers
 * (A = 10 … Z = 35), equal 1 modulo 97, as for an IBAN.
 */
const BODY = /^[A-Z0-9]{1,21}$/;
const CANDIDATE = /\bRF\s?\d{2}(?:\s?[A-Z0-9]){1,21}/gi;

function mod97(digitsAndLetters: string): number {
  let remainder = 0;
  for (const char of digitsAndLetters) {
    const value = parseInt(char, 36);
    remainder = (value < 10 ? remainder * 10 + value : remainder * 100 + value) % 97;
  }
  return remainder;
}

/** `RF` + check digits + body; the body is 1 to 21 letters or digits. */
export function creditorReference(body: string): string {
  const normalized = body.toUpperCase();
  if (!BODY.test(normalized)) throw new Error(`An RF reference body is 1 to 21 letters or digits, not ${body}`);
  const check = 98 - mod97(`${normalized}RF00`);
  return `RF${String(check).padStart(2, '0')}${normalized}`;
}

/** Whether the text, spaces ignored and case folded, is a well-formed RF reference with valid check digits. */
export function isValidCreditorReference(text: string): boolean {
  const compact = text.replace(/\s+/g, '').toUpperCase();
  if (!/^RF\d{2}/.test(compact) || !BODY.test(compact.slice(4))) return false;
  return mod97(`${compact.slice(4)}${compact.slice(0, 4)}`) === 1;
}

/** The reference in groups of four, as printed on letters and in payment slips. */
export function formatCreditorReference(reference: string): string {
  return reference.replace(/(.{4})(?=.)/g, '$1 ');
}

/**
 * The valid RF references quoted in a payment's free text, compacted (`RF18 5390 0754 7034` → `RF18539007547034`).
 * A candidate may run on into the next word (`… 7034 Danke`); it is cut back word by word until it validates.
 */
export function quotedCreditorReferences(text: string): string[] {
  const found: string[] = [];
  for (const [candidate] of text.matchAll(CANDIDATE)) {
    const words = candidate.split(/\s+/);
    for (let n = words.length; n > 0; n--) {
      const compact = words.slice(0, n).join('').toUpperCase();
      if (isValidCreditorReference(compact)) {
        found.push(compact);
        break;
      }
    }
  }
  return found;
}
