import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@dramaguard/config';
import { AudioMatch } from '@dramaguard/audio';
import { EpisodeMatch } from '@dramaguard/matcher';
import { JobQueue } from '@dramaguard/queue';
import { randomUUID } from 'node:crypto';
import { DomainError, ShardAnswerRepository } from '@dramaguard/records';

const POLL_MS = 100;

/**
 * A new episode is compared with the whole registry before it is registered
 * (FingerprintService), and the registry is split into shards: its decoded
 * frames are sent to every shard's queue and this waits, polling PostgreSQL,
 * until each has answered. A shard that failed or stays silent past
 * SHARD_TIMEOUT_MS fails the attempt, to be retried with backoff: an episode is
 * never registered on a partial conflict check.
 */
@Injectable()
export class RegistrationShardCheck {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly answers: ShardAnswerRepository,
    private readonly queue: JobQueue,
  ) {}

  /** The registered episodes, of every shard, that share pictures or sound with the new one (whose frames and sound are in the frame store). */
  async matches(registrationId: string): Promise<{ pictures: EpisodeMatch[]; sounds: AudioMatch[] }> {
    const { count, timeoutMs } = this.config.shards;
    await this.answers.clear('registration', registrationId);
    const check = randomUUID();
    for (let shard = 0; shard < count; shard++) await this.queue.enqueue('learn-shard', { registrationId, shard, check });
    const until = Date.now() + timeoutMs;
    for (;;) {
      const answers = await this.answers.of('registration', registrationId);
      const failed = answers.filter((a) => a.failure !== null);
      if (failed.length) throw new DomainError('shards_unavailable', `the conflict check failed on ${failed.map((a) => `shard ${a.shard}: ${a.failure}`).join('; ')}`);
      if (answers.length >= count) {
        await this.answers.clear('registration', registrationId);
        return { pictures: answers.flatMap((a) => a.matches ?? []), sounds: answers.flatMap((a) => a.audio ?? []) };
      }
      if (Date.now() > until) {
        const silent = [...Array(count).keys()].filter((k) => !answers.some((a) => a.shard === k));
        throw new DomainError('shards_unavailable', `the conflict check got no answer from shard(s) ${silent.join(', ')} within ${Math.round(timeoutMs / 1000)} s`);
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }
}
