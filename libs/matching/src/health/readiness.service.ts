import { Injectable, Optional, ServiceUnavailableException } from '@nestjs/common';
import { HealthCheckResult, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { Readiness } from '@dramaguard/observability';
import { JobQueue } from '@dramaguard/queue';
import { DataSource } from 'typeorm';
import { EpisodeIndex } from '../services/episode-index.service';

/** A probe answers within a load balancer's patience even when a dependency hangs. */
const CHECK_TIMEOUT_MS = 2_000;

/**
 * Ready means able to serve: PostgreSQL answers, Redis answers, every
 * migration this build knows is applied, and (a worker) the match index is
 * loaded. Liveness is only that the process answers, so a database outage
 * takes instances out of rotation without getting them restarted.
 */
@Injectable()
export class ReadinessService implements Readiness {
  /** Migrations are never undone while the process runs: once all were seen applied, they need no more asking. */
  private migrated = false;

  constructor(
    private readonly health: HealthCheckService,
    private readonly postgres: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    private readonly db: DataSource,
    private readonly queue: JobQueue,
    @Optional() private readonly index?: EpisodeIndex,
  ) {}

  async check(): Promise<HealthCheckResult> {
    try {
      return await this.health.check([
        () => this.postgres.pingCheck('postgres', { timeout: CHECK_TIMEOUT_MS }),
        () => this.attempt('redis', () => this.queue.ping()),
        () => this.attempt('migrations', () => this.migrationsApplied()),
        ...(this.index ? [() => this.indexLoaded()] : []),
      ]);
    } catch (e) {
      if (e instanceof ServiceUnavailableException) return e.getResponse() as HealthCheckResult;
      throw e;
    }
  }

  private async attempt(key: string, probe: () => Promise<void>) {
    const check = this.indicators.check(key);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
    });
    try {
      await Promise.race([probe(), timeout]);
      return check.up();
    } catch (e) {
      return check.down({ message: (e as Error).message });
    } finally {
      clearTimeout(timer);
    }
  }

  private async migrationsApplied(): Promise<void> {
    if (this.migrated) return;
    if (await this.db.showMigrations()) throw new Error('migrations are pending: run the migrate entry point');
    this.migrated = true;
  }

  private indexLoaded() {
    const index = this.index as EpisodeIndex;
    const check = this.indicators.check('matchIndex');
    return index.isLoaded ? check.up({ episodes: index.episodeCount }) : check.down({ message: 'the match index is still loading' });
  }
}
