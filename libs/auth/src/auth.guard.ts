import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { AppConfig } from '@ar/config';
import { DomainError, ErrorCode } from '@ar/errors';
import { ALLOWED_ROLES, IS_PUBLIC } from './auth.decorators';
import { bearerToken } from './bearer-token';
import { Principal } from './principal';
import { isRole, Role } from './role';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface TokenClaims {
  sub?: unknown;
  role?: unknown;
  exp?: unknown;
  iat?: unknown;
}

/**
 * Authenticates the HS256 bearer token (alg pinned, so `none` and RS/ES tokens fail; exp enforced)
 * and then checks the route's allowed roles. One guard so the order of the two checks is fixed.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly jwt: JwtService,
    private readonly reflector: Reflector,
    private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;

    const request = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined>; principal?: Principal }>();
    request.principal = await this.authenticate(request.headers['authorization']);

    const allowed = this.reflector.getAllAndOverride<Role[] | undefined>(ALLOWED_ROLES, targets);
    if (allowed && !allowed.includes(request.principal.role)) {
      throw new DomainError(ErrorCode.Forbidden, `The role ${request.principal.role} may not perform this operation`);
    }
    return true;
  }

  private async authenticate(header: string | undefined): Promise<Principal> {
    const token = bearerToken(header);
    if (!token) throw new DomainError(ErrorCode.Unauthenticated, 'A bearer token is required');
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
}
