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
  readonly ffmpeg: { readonly ffmpegPath: string; readonly ffprobePath: string };
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
