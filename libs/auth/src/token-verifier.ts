import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AppConfig } from '@ar/config';
import { DomainError, ErrorCode } from '@ar/errors';
import { Principal } from './principal';
import { isRole } from './role';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface TokenClaims {
  sub?: unknown;
  role?: unknown;
  exp?: unknown;
  iat?: unknown;
}

/**
 * Turns an HS256 token into the caller (alg pinned, so `none` and RS/ES tokens fail; exp required and enforced,
 * lifetime capped), for the guard and for whatever else accepts the same tokens (the queue dashboard's cookie).
 */
@Injectable()
export class TokenVerifier {
  constructor(
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
  ) {}

  async verify(token: string): Promise<Principal> {
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims>(token, { algorithms: ['HS256'] });
    } catch {
      throw new DomainError(ErrorCode.Unauthenticated, 'The bearer token is invalid or expired');
    }
    // A token without exp would never expire; one that lives longer than allowed is refused as well.
    if (typeof claims.exp !== 'number') throw new DomainError(ErrorCode.Unauthenticated, 'The bearer token must carry an `exp` claim');
    const issuedAt = typeof claims.iat === 'number' ? claims.iat : Math.floor(Date.now() / 1000);
    if (claims.exp - issuedAt > this.config.jwtMaxLifetimeSeconds) {
      throw new DomainError(ErrorCode.Unauthenticated, `The bearer token lives longer than the allowed ${this.config.jwtMaxLifetimeSeconds} seconds`);
    }
    if (typeof claims.sub !== 'string' || !UUID.test(claims.sub) || !isRole(claims.role)) {
      throw new DomainError(ErrorCode.Unauthenticated, 'The bearer token must carry a uuid `sub` and a known `role`');
    }
    return { userId: claims.sub.toLowerCase(), role: claims.role };
  }

  /** A token for the same caller that lives `seconds`, e.g. the dashboard's session cookie. */
  sign(principal: Principal, seconds: number): Promise<string> {
    return this.jwt.signAsync({ sub: principal.userId, role: principal.role }, { algorithm: 'HS256', expiresIn: seconds });
  }
}
