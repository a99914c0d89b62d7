import { DomainError, ErrorCode } from '@ar/errors';

/** Deeper documents are refused before parsing: validating one ~2,000 levels deep overflowed the stack. */
export const MAX_JSON_DEPTH = 32;

/**
 * Scans JSON text once, without parsing it: the nesting depth of objects and arrays, and whether a
 * string holds a NUL character (`\u0000`), which Postgres cannot store in text. Malformed text is left
 * for JSON.parse to refuse.
 */
function inspect(text: string): 'too_deep' | 'nul' | null {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) {
        if (text.startsWith('u0000', i + 1)) return 'nul';
        i++;
      } else if (c === 0x22 /* " */) inString = false;
      else if (c === 0) return 'nul';
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (++depth > MAX_JSON_DEPTH) return 'too_deep';
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) depth--;
  }
  return null;
}

/** Strings arrive trimmed, so a whitespace-only required field fails validation instead of being stored empty. */
function trimStrings(_key: string, value: unknown): unknown {
  return typeof value === 'string' ? value.trim() : value;
}

/**
 * Reads a JSON request body as every route does: at most MAX_JSON_DEPTH levels deep, no NUL in any
 * string, strings trimmed. Anything else is a 400 problem before validation runs.
 */
export function parseJsonBody(text: string): unknown {
  const problem = inspect(text);
  if (problem === 'too_deep') throw new DomainError(ErrorCode.MalformedRequest, `The request body is nested deeper than ${MAX_JSON_DEPTH} levels`);
  if (problem === 'nul') throw new DomainError(ErrorCode.MalformedRequest, 'The request body contains a NUL character (\\u0000), which no field accepts');
  try {
    return JSON.parse(text, trimStrings);
  } catch {
    throw new DomainError(ErrorCode.MalformedRequest, 'The request body is not valid JSON');
  }
}
