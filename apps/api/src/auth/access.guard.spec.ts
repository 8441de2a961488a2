import { RequestRateLimiter } from '../limits/request-rate-limiter';
import { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError } from '@dramaguard/records';
import { AccountService, Caller } from '@dramaguard/rights';
import { AccessGuard } from './access.guard';
import { Public, Roles } from './access.decorator';

class Endpoints {
  undeclared(): void {}
  @Public() open(): void {}
  @Roles('admin', 'reviewer') staff(): void {}
}

const accounts = {
  authenticate: async (key: string): Promise<Caller> => {
    if (key === 'reviewer-key') return { id: 'r', name: 'R', role: 'reviewer' };
    if (key === 'licensee-key') return { id: 'l', name: 'L', role: 'licensee' };
    throw new DomainError('invalid_api_key', 'unknown');
  },
} as unknown as AccountService;

function context(handler: keyof Endpoints, headers: Record<string, string> = {}): { ctx: ExecutionContext; req: { headers: Record<string, string>; caller?: Caller } } {
  const req: { headers: Record<string, string>; caller?: Caller } = { headers };
  const ctx = {
    getHandler: () => Endpoints.prototype[handler],
    getClass: () => Endpoints,
    switchToHttp: () => ({ getRequest: () => req }),
  } as unknown as ExecutionContext;
  return { ctx, req };
}

async function codeOf(run: Promise<unknown>): Promise<string> {
  try {
    await run;
    return 'allowed';
  } catch (e) {
    return (e as DomainError).code;
  }
}

describe('AccessGuard', () => {
  const counted: string[] = [];
  const limiter = { take: async (subject: string) => void counted.push(subject) } as unknown as RequestRateLimiter;
  const guard = new AccessGuard(new Reflector(), accounts, limiter);

  it('counts every request against its key, or its address without one, before anything else', async () => {
    counted.length = 0;
    await codeOf(guard.canActivate(context('open').ctx));
    await codeOf(guard.canActivate(context('staff', { authorization: 'Bearer nope' }).ctx));
    expect(counted).toEqual([expect.stringMatching(/^ip:/), expect.stringMatching(/^key:[0-9a-f]{32}$/)]);
    expect(counted[1]).not.toContain('nope');
  });

  it('closes an endpoint that declares no roles, even to a valid key', async () => {
    expect(await codeOf(guard.canActivate(context('undeclared', { authorization: 'Bearer reviewer-key' }).ctx))).toBe('forbidden');
  });

  it('opens a public endpoint without a key', async () => {
    expect(await codeOf(guard.canActivate(context('open').ctx))).toBe('allowed');
  });

  it('asks for a key, refuses unknown ones and other roles, and attaches the caller', async () => {
    expect(await codeOf(guard.canActivate(context('staff').ctx))).toBe('unauthenticated');
    expect(await codeOf(guard.canActivate(context('staff', { authorization: 'Bearer nope' }).ctx))).toBe('invalid_api_key');
    expect(await codeOf(guard.canActivate(context('staff', { 'x-api-key': 'licensee-key' }).ctx))).toBe('forbidden');
    const { ctx, req } = context('staff', { 'x-api-key': 'reviewer-key' });
    expect(await codeOf(guard.canActivate(ctx))).toBe('allowed');
    expect(req.caller).toEqual({ id: 'r', name: 'R', role: 'reviewer' });
  });
});
