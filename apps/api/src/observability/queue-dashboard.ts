import { INestApplication, Logger } from '@nestjs/common';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { JobQueue } from '@dramaguard/queue';
import { DomainError } from '@dramaguard/records';
import { AccountService } from '@dramaguard/rights';
import type { NextFunction, Request, Response } from 'express';
import { rateLimitKey } from '../auth/access.guard';
import { apiKeyFrom, basicAuthPassword } from '../auth/api-key-header';
import { RequestRateLimiter } from '../limits/request-rate-limiter';
import { toErrorBody } from '../filters/error-mapping';

export const QUEUE_DASHBOARD_PATH = '/admin/queues';

/**
 * bull-board for administrators at /admin/queues. It is an Express router, not
 * a controller, so the access guard does not see it: this mount checks the key
 * itself, taken from the usual headers or, for a browser, from HTTP Basic
 * authentication with the API key as password (the user name is ignored).
 */
export function mountQueueDashboard(app: INestApplication): void {
  const board = new ExpressAdapter();
  board.setBasePath(QUEUE_DASHBOARD_PATH);
  createBullBoard({ queues: app.get(JobQueue).all().map((q) => new BullMQAdapter(q)), serverAdapter: board });
  const accounts = app.get(AccountService);
  const limiter = app.get(RequestRateLimiter);
  const log = new Logger('QueueDashboard');
  app.use(QUEUE_DASHBOARD_PATH, (req: Request, res: Response, next: NextFunction) => {
    void admitAdmin(accounts, limiter, req).then(
      () => next(),
      (e: unknown) => {
        const body = toErrorBody(e, 0);
        if (body.statusCode >= 500) log.error(`queue dashboard: ${(e as Error).message}`);
        if (body.statusCode === 401) res.setHeader('WWW-Authenticate', 'Basic realm="DramaGuard queues", charset="UTF-8"');
        res.status(body.statusCode).json(body);
      },
    );
  });
  app.use(QUEUE_DASHBOARD_PATH, board.getRouter());
}

/** As the access guard admits an admin: counted against the rate limit first, so keys cannot be guessed here faster than elsewhere. */
async function admitAdmin(accounts: AccountService, limiter: RequestRateLimiter, req: Request): Promise<void> {
  const key = apiKeyFrom(req.headers) ?? basicAuthPassword(req.headers);
  await limiter.take(rateLimitKey(key, req.ip));
  if (!key) throw new DomainError('unauthenticated', 'the queue dashboard is for administrators: sign in with your API key as password');
  const caller = await accounts.authenticate(key);
  if (caller.role !== 'admin') throw new DomainError('forbidden', `the queue dashboard is for admin; your account is a ${caller.role}`);
}
