import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import {
  InjectThrottlerOptions,
  InjectThrottlerStorage,
  SkipThrottle,
  ThrottlerGuard,
  type ThrottlerModuleOptions,
  type ThrottlerRequest,
  type ThrottlerStorage,
} from '@nestjs/throttler';
import { bearerToken } from '@ar/auth';

/** The two budgets: one per anonymous client address, one (higher) per authenticated principal. */
export const RateLimits = { Anonymous: 'anonymous', Authenticated: 'authenticated' } as const;

interface TrackedRequest {
  ip: string;
  headers: Record<string, string | undefined>;
  rateLimitPrincipal?: string | null;
}

/**
 * One budget per caller across every route (the stock guard keeps one per route, about fifty per
 * caller): a caller with a valid bearer token is counted by its `sub` against the authenticated budget;
 * anyone else, invalid tokens included, by address against the anonymous one. The token is only
 * verified here to choose the budget; the auth guard still decides access.
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  constructor(
    @InjectThrottlerOptions() options: ThrottlerModuleOptions,
    @InjectThrottlerStorage() storage: ThrottlerStorage,
    reflector: Reflector,
    private readonly jwt: JwtService,
  ) {
    super(options, storage, reflector);
  }

  protected override async handleRequest(request: ThrottlerRequest): Promise<boolean> {
    const req = this.getRequestResponse(request.context).req as TrackedRequest;
    const authenticated = this.principalOf(req) !== null;
    if ((request.throttler.name === RateLimits.Authenticated) !== authenticated) return true;
    return super.handleRequest(request);
  }

  protected override async getTracker(req: Record<string, any>): Promise<string> {
    const principal = this.principalOf(req as TrackedRequest);
    return principal !== null ? `sub:${principal}` : `ip:${(req as TrackedRequest).ip}`;
  }

  protected override generateKey(_context: ExecutionContext, tracker: string, throttlerName: string): string {
    return `rate:${throttlerName}:${tracker}`;
  }

  private principalOf(req: TrackedRequest): string | null {
    if (req.rateLimitPrincipal !== undefined) return req.rateLimitPrincipal;
    const token = bearerToken(req.headers['authorization']);
    let principal: string | null = null;
    if (token) {
      try {
        const claims = this.jwt.verify<{ sub?: unknown }>(token, { algorithms: ['HS256'] });
        if (typeof claims.sub === 'string') principal = claims.sub.toLowerCase();
      } catch {
        principal = null;
      }
    }
    req.rateLimitPrincipal = principal;
    return principal;
  }
}

/** Exempts a route or controller from both budgets (signed inbound webhooks bound their own cost). */
export const NoRateLimit = () => SkipThrottle({ [RateLimits.Anonymous]: true, [RateLimits.Authenticated]: true });
