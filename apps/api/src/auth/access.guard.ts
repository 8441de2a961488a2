import { CanActivate, ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError, Role } from '@dramaguard/records';
import { AccountService, Caller } from '@dramaguard/rights';
import type { Request } from 'express';
import { createHash } from 'node:crypto';
import { RequestRateLimiter } from '../limits/request-rate-limiter';
import { apiKeyFrom } from './api-key-header';
import { PUBLIC_KEY, ROLES_KEY } from './access.decorator';

export type AuthenticatedRequest = Request & { caller?: Caller };

/** Whose requests are counted together: a key's (hashed, never kept as is), or an address's without one. */
export function rateLimitKey(key: string | null | undefined, ip: string | undefined): string {
  return key ? `key:${createHash('sha256').update(key).digest('hex').slice(0, 32)}` : `ip:${ip ?? 'unknown'}`;
}

/**
 * The one global guard: every endpoint declares who may call it, and one that
 * does not is closed to everyone, so forgetting a declaration cannot open an
 * endpoint. Runs before interceptors, so a refused upload is never stored.
 * Every request, public or not, counts against its key's (or address's) rate limit.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly log = new Logger(AccessGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly accounts: AccountService,
    private readonly limiter: RequestRateLimiter,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const key = apiKeyFrom(req.headers);
    // Counted before the key is checked, so guessing keys is rate limited too.
    await this.limiter.take(rateLimitKey(key, req.ip));
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (!roles?.length) {
      this.log.error(`${context.getClass().name}.${context.getHandler().name} declares no roles; refused`);
      throw new DomainError('forbidden', 'this endpoint is closed');
    }
    if (!key) throw new DomainError('unauthenticated', 'send an API key as "Authorization: Bearer <key>" or "x-api-key: <key>"');
    const caller = await this.accounts.authenticate(key);
    if (!roles.includes(caller.role)) {
      throw new DomainError('forbidden', `this endpoint is for ${roles.join(', ')}; your account is a ${caller.role}`);
    }
    req.caller = caller;
    return true;
  }
}
