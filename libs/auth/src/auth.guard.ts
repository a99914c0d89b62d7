import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError, ErrorCode } from '@ar/errors';
import { ALLOWED_ROLES, IS_PUBLIC } from './auth.decorators';
import { bearerToken } from './bearer-token';
import { Principal } from './principal';
import { Role } from './role';
import { TokenVerifier } from './token-verifier';

/**
 * Authenticates the HS256 bearer token (alg pinned, so `none` and RS/ES tokens fail; exp enforced)
 * and then checks the route's allowed roles. One guard so the order of the two checks is fixed.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly tokens: TokenVerifier,
    private readonly reflector: Reflector,
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

  private authenticate(header: string | undefined): Promise<Principal> {
    const token = bearerToken(header);
    if (!token) throw new DomainError(ErrorCode.Unauthenticated, 'A bearer token is required');
    return this.tokens.verify(token);
  }
}
