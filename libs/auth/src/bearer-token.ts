/** The auth scheme is case-insensitive (RFC 9110 §11.1); the token itself is a compact JWS. */
const BEARER = /^bearer +([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*)$/i;

/** The JWS of an `Authorization: Bearer …` header, or null when there is none of that form. */
export function bearerToken(header: string | undefined): string | null {
  return BEARER.exec(header ?? '')?.[1] ?? null;
}
