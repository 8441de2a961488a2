import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@dramaguard/config';
import { DomainError } from '@dramaguard/records';
import Redis from 'ioredis';

/**
 * Requests per caller and fixed window, counted in Redis so that every api
 * instance shares one count. A caller over the limit gets 429 with the
 * seconds until its window ends. If Redis cannot be asked, the request goes
 * through (logged): the limiter protects the service, it must not be the
 * reason it is down.
 */
@Injectable()
export class RequestRateLimiter implements OnModuleDestroy {
  private readonly log = new Logger(RequestRateLimiter.name);
  private readonly redis: Redis;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.redis = new Redis({ ...config.redis, keyPrefix: `${config.queuePrefix}:rate:`, enableOfflineQueue: false, lazyConnect: false, maxRetriesPerRequest: 1 });
    this.redis.on('error', (e) => this.log.warn(`rate-limit store: ${e.message}`));
  }

  onModuleDestroy(): void {
    this.redis.disconnect();
  }

  /** Counts one request of `subject` (a key's digest, or an address); throws rate_limited past the limit. */
  async take(subject: string): Promise<void> {
    const { requestsPerWindow, windowMs } = this.config.abuse;
    const now = Date.now();
    const window = Math.floor(now / windowMs);
    let count: number;
    try {
      const replies = await this.redis.multi().incr(`${subject}:${window}`).pexpire(`${subject}:${window}`, windowMs).exec();
      count = Number(replies?.[0]?.[1] ?? 0);
    } catch (e) {
      this.log.warn(`rate limit not applied: ${(e as Error).message}`);
      return;
    }
    if (count <= requestsPerWindow) return;
    const retryAfterSeconds = Math.max(1, Math.ceil(((window + 1) * windowMs - now) / 1000));
    throw new DomainError('rate_limited', `more than ${requestsPerWindow} requests in ${windowMs / 1000} s; retry in ${retryAfterSeconds} s`, { retryAfterSeconds });
  }
}
