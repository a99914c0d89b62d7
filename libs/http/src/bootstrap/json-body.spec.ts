import { DomainError } from '@ar/errors';
import { MAX_JSON_DEPTH, parseJsonBody } from './json-body';

describe('JSON request bodies', () => {
  it('parses and trims every string', () => {
    expect(parseJsonBody('{"name": "  Muster GmbH ", "lines": [{"description": "\\t x \\n"}], "n": 1}')).toEqual({
      name: 'Muster GmbH',
      lines: [{ description: 'x' }],
      n: 1,
    });
  });

  it('refuses a document nested deeper than the limit before parsing it', () => {
    const deep = '['.repeat(2000) + ']'.repeat(2000);
    expect(() => parseJsonBody(deep)).toThrow(/nested deeper/);
    const atLimit = '['.repeat(MAX_JSON_DEPTH) + ']'.repeat(MAX_JSON_DEPTH);
    expect(parseJsonBody(atLimit)).toBeDefined();
    // Brackets inside strings do not count.
    expect(parseJsonBody(`{"a": "${'['.repeat(100)}"}`)).toEqual({ a: '['.repeat(100) });
  });

  it('refuses a NUL character in any string, escaped or raw, but not an escaped backslash before u0000', () => {
    expect(() => parseJsonBody('{"name": "a\\u0000b"}')).toThrow(/NUL/);
    expect(() => parseJsonBody('{"a\\u0000": 1}')).toThrow(/NUL/);
    expect(() => parseJsonBody('{"name": "a\u0000b"}')).toThrow(DomainError);
    expect(parseJsonBody('{"path": "C:\\\\u0000"}')).toEqual({ path: 'C:\\u0000' });
  });

  it('answers malformed JSON with a malformed-request error', () => {
    expect(() => parseJsonBody('{"a": ')).toThrow(/not valid JSON/);
  });
});
