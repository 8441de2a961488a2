/** Everything the api and worker processes can be configured with, validated once at boot. */
export interface AppConfig {
  readonly http: { readonly host: string; readonly port: number };
  readonly database: DatabaseConfig;
  readonly redis: RedisConfig;
  /** BullMQ key prefix: separate stacks (dev, test, bench) on one Redis never see each other's jobs. */
  readonly queuePrefix: string;
  /** Uploaded files live here, content-addressed by SHA-256. */
  readonly mediaDir: string;
  readonly limits: UploadLimits;
  readonly jobs: { readonly attempts: number; readonly backoffMs: number; readonly concurrency: number };
  /** How often a worker pulls fingerprints registered by other workers into its match index. */
  readonly indexSyncIntervalMs: number;
  /** How often a worker re-enqueues unfinished work (per PostgreSQL) that has no job in Redis; also done at boot. */
  readonly reconcileIntervalMs: number;
  readonly ffmpeg: { readonly ffmpegPath: string; readonly ffprobePath: string };
  readonly auth: AuthConfig;
  /** PEM file of the Ed25519 key that signs registration certificates; created on first use when missing. */
  readonly signingKeyPath: string;
  /** A newly registered episode is matched again against suspect clips received this many days back. */
  readonly retroMatchDays: number;
  /**
   * A retro-match job waits this long after its episode is registered, so
   * that the episodes of a series uploaded together are taken in one batch.
   */
  readonly retroMatchDelayMs: number;
  readonly shards: ShardConfig;
  readonly abuse: AbuseLimits;
  readonly retention: RetentionRules;
  /** How often the api signs and keeps a checkpoint of the audit chain (when it has grown). */
  readonly checkpointIntervalMs: number;
  readonly ops: OpsConfig;
  /** The font of PDF reports: it must hold every character a title may use, CJK included. */
  readonly reportFont: { readonly path: string; readonly face?: string };
  /** The built web console (static files) that the api serves under /console. */
  readonly consoleDir: string;
  readonly disputes: DisputeRules;
}

/** How long a rights holder has to answer an uploader's dispute before the case is released. */
export interface DisputeRules {
  /** Days, possibly fractional (a test stack uses seconds' worth). */
  readonly answerDays: number;
}

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

/** What operators see of a process: its log and its operations listener. */
export interface OpsConfig {
  /** JSON log lines at this level and above go to stdout. */
  readonly logLevel: LogLevel;
  /**
   * Port of the operations listener (/metrics, /health/live, /health/ready),
   * apart from the api's port so it can stay inside the cluster; null: none.
   */
  readonly port: number | null;
}

/** How long files are kept that are no longer evidence of anything. */
export interface RetentionRules {
  /** A suspect clip keeps its video this many days, and after that as long as an open, claimed or confirmed case needs it (its row and result stay for good). */
  readonly clipDays: number;
  /** How often a worker applies the rules (one worker at a time). */
  readonly intervalMs: number;
}

/** What one caller may ask of the api, and how much accepted work may wait. */
export interface AbuseLimits {
  /** Requests per API key (per address without one) and window, counted in Redis so every api instance shares the count. */
  readonly requestsPerWindow: number;
  readonly windowMs: number;
  /** An upload is refused (503) while more than this many jobs wait on its queue. */
  readonly maxQueueDepth: number;
}

/**
 * The registry is split into `count` shards by work (works.shard, kept in
 * PostgreSQL); a worker process indexes and answers for the shards it
 * `serves` only, so each machine holds part of the registry.
 */
export interface ShardConfig {
  readonly count: number;
  readonly serves: readonly number[];
  /** A clip whose shards have not all answered this long after it was decoded ends as `incomplete`. */
  readonly timeoutMs: number;
  /**
   * Threads that verify a clip's candidates side by side in a worker serving
   * shards, its match thread included: up to the cores the worker has to
   * itself. Each further one cost 34-43 MB while busy and gave nothing where
   * four shards shared two cores, so 1 by default (docs/BENCHMARK.md, section 34).
   */
  readonly verifyThreads: number;
}

export interface AuthConfig {
  /** API key of the bootstrap administrator, ensured at api boot; without it no account can be created. */
  readonly adminApiKey?: string;
}

export interface DatabaseConfig {
  readonly host: string;
  readonly port: number;
  readonly user: string;
  readonly password: string;
  readonly name: string;
}

export interface RedisConfig {
  readonly host: string;
  readonly port: number;
  readonly password?: string;
  readonly db: number;
}

export interface UploadLimits {
  readonly maxUploadBytes: number;
  readonly minDurationSeconds: number;
  readonly maxDurationSeconds: number;
  readonly minDimension: number;
  readonly maxDimension: number;
}

export const APP_CONFIG = Symbol('APP_CONFIG');
