import { AppConfig, AuthConfig, DatabaseConfig, LogLevel, OpsConfig, RedisConfig, ShardConfig } from './app-config';
import { statSync } from 'node:fs';
import { ConfigError } from './config-error';
import { ExecutableCheck, findExecutable, isExecutableFile } from './executable-path';

export type Env = Readonly<Record<string, string | undefined>>;

/** Collects every problem before failing, so one boot shows all of them. */
class EnvReader {
  readonly problems: string[] = [];

  constructor(private readonly env: Env) {}

  string(name: string, fallback: string): string {
    const v = this.env[name]?.trim();
    return v ? v : fallback;
  }

  optional(name: string): string | undefined {
    const v = this.env[name]?.trim();
    return v ? v : undefined;
  }

  int(name: string, fallback: number, min: number, max: number): number {
    const raw = this.env[name]?.trim();
    if (!raw) return fallback;
    const n = Number(raw);
    if (!/^-?\d+$/.test(raw) || !Number.isSafeInteger(n)) {
      this.problems.push(`${name} must be an integer, got "${raw}"`);
      return fallback;
    }
    if (n < min || n > max) this.problems.push(`${name} must be between ${min} and ${max}, got ${n}`);
    return n;
  }

  /** A decimal number in (min, max]: min itself is refused, so a duration can be small but never zero. */
  positive(name: string, fallback: number, min: number, max: number): number {
    const raw = this.env[name]?.trim();
    if (!raw) return fallback;
    const n = Number(raw);
    if (!/^\d+(\.\d+)?(e-\d+)?$/.test(raw) || !Number.isFinite(n)) {
      this.problems.push(`${name} must be a decimal number, got "${raw}"`);
      return fallback;
    }
    if (n <= min || n > max) this.problems.push(`${name} must be greater than ${min} and at most ${max}, got ${n}`);
    return n;
  }

  url(name: string, fallback: string, protocols: string[]): URL | undefined {
    const raw = this.string(name, fallback);
    try {
      const u = new URL(raw);
      if (!protocols.includes(u.protocol)) throw new Error();
      return u;
    } catch {
      this.problems.push(`${name} must be a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}, got "${raw}"`);
      return undefined;
    }
  }
}

const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/dramaguard';
const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';

/**
 * Builds the configuration from an environment map, or throws ConfigError
 * listing every problem. Its only look outside `env` is `check`, which tells
 * whether ffmpeg and ffprobe are installed.
 */
export function parseConfig(env: Env, check: ExecutableCheck = isExecutableFile, fileExists: (path: string) => boolean = isFile): AppConfig {
  const r = new EnvReader(env);
  const database = databaseFrom(r);
  const redis = redisFrom(r);
  const minDurationSeconds = r.int('MIN_DURATION_SECONDS', 1, 0, 86_400);
  const maxDurationSeconds = r.int('MAX_DURATION_SECONDS', 3_600, 1, 86_400);
  const minDimension = r.int('MIN_DIMENSION', 64, 1, 65_536);
  const maxDimension = r.int('MAX_DIMENSION', 4_096, 1, 65_536);
  if (minDurationSeconds > maxDurationSeconds) r.problems.push('MIN_DURATION_SECONDS must not exceed MAX_DURATION_SECONDS');
  if (minDimension > maxDimension) r.problems.push('MIN_DIMENSION must not exceed MAX_DIMENSION');
  const queuePrefix = r.string('QUEUE_PREFIX', 'dramaguard');
  if (queuePrefix.includes(':')) r.problems.push(`QUEUE_PREFIX must not contain ":", got "${queuePrefix}"`);
  const config: AppConfig = {
    http: { host: r.string('HOST', '0.0.0.0'), port: r.int('PORT', 3000, 0, 65_535) },
    database: database ?? placeholderDatabase(),
    redis: redis ?? { host: '', port: 0, db: 0 },
    queuePrefix,
    mediaDir: r.string('MEDIA_DIR', '.data/media'),
    limits: {
      maxUploadBytes: r.int('MAX_UPLOAD_BYTES', 1024 ** 3, 1, Number.MAX_SAFE_INTEGER),
      minDurationSeconds,
      maxDurationSeconds,
      minDimension,
      maxDimension,
    },
    jobs: {
      attempts: r.int('JOB_ATTEMPTS', 3, 1, 100),
      backoffMs: r.int('JOB_BACKOFF_MS', 5_000, 0, 3_600_000),
      concurrency: r.int('WORKER_CONCURRENCY', 1, 1, 64),
    },
    indexSyncIntervalMs: r.int('INDEX_SYNC_INTERVAL_MS', 5_000, 100, 3_600_000),
    reconcileIntervalMs: r.int('RECONCILE_INTERVAL_MS', 60_000, 1_000, 86_400_000),
    ffmpeg: { ffmpegPath: tool(r, 'FFMPEG_PATH', 'ffmpeg', check), ffprobePath: tool(r, 'FFPROBE_PATH', 'ffprobe', check) },
    auth: adminKeyFrom(r),
    signingKeyPath: r.string('SIGNING_KEY_PATH', '.data/signing-key.pem'),
    retroMatchDays: r.int('RETRO_MATCH_DAYS', 30, 0, 3_650),
    retroMatchDelayMs: r.int('RETRO_MATCH_DELAY_MS', 30_000, 0, 3_600_000),
    shards: shardsFrom(r),
    checkpointIntervalMs: r.int('CHECKPOINT_INTERVAL_MS', 3_600_000, 1_000, 86_400_000),
    disputes: { answerDays: r.positive('DISPUTE_ANSWER_DAYS', 14, 0, 365) },
    consoleDir: r.string('CONSOLE_DIR', 'dist/console'),
    retention: {
      clipDays: r.int('CLIP_RETENTION_DAYS', 90, 0, 36_500),
      intervalMs: r.int('RETENTION_INTERVAL_MS', 3_600_000, 1_000, 86_400_000),
    },
    abuse: {
      requestsPerWindow: r.int('RATE_LIMIT_REQUESTS', 600, 1, 1_000_000),
      windowMs: r.int('RATE_LIMIT_WINDOW_MS', 60_000, 1_000, 86_400_000),
      maxQueueDepth: r.int('MAX_QUEUE_DEPTH', 10_000, 1, 10_000_000),
    },
    ops: opsFrom(r),
    reportFont: reportFontFrom(r, fileExists),
  };
  if (r.problems.length) throw new ConfigError(r.problems);
  return config;
}

/** A missing ffmpeg would only show on the first upload or job; better to refuse to start. */
function tool(r: EnvReader, name: string, program: string, check: ExecutableCheck): string {
  const value = r.string(name, program);
  const found = findExecutable(value, r.optional('PATH'), check);
  if (found) return found;
  r.problems.push(`${program} not found (${name}="${value}"): install it (Debian: apt-get install ffmpeg) or set ${name} to its path`);
  return value;
}

/** A guessable bootstrap key would hand out the administrator role; it must be long and free of blanks. */
function adminKeyFrom(r: EnvReader): AuthConfig {
  const key = r.optional('ADMIN_API_KEY');
  if (key === undefined) return {};
  if (key.length < 24 || /\s/.test(key)) r.problems.push('ADMIN_API_KEY must be at least 24 characters without spaces');
  return { adminApiKey: key };
}

/** WORKER_SHARDS lists the shards a worker serves ("0,2"); unset or "all", every one; "none", a worker that only decodes and merges. */
function shardsFrom(r: EnvReader): ShardConfig {
  const count = r.int('SHARDS', 1, 1, 256);
  const timeoutMs = r.int('SHARD_TIMEOUT_MS', 300_000, 1_000, 86_400_000);
  const verifyThreads = r.int('MATCH_VERIFY_THREADS', 1, 1, 16);
  const raw = r.optional('WORKER_SHARDS');
  if (!raw || raw === 'all') return { count, serves: [...Array(count).keys()], timeoutMs, verifyThreads };
  if (raw === 'none') return { count, serves: [], timeoutMs, verifyThreads };
  const serves = [...new Set(raw.split(',').map((s) => s.trim()))].map(Number);
  if (serves.some((n) => !Number.isInteger(n) || n < 0 || n >= count)) {
    r.problems.push(`WORKER_SHARDS must be "all" or a comma-separated list of shard numbers from 0 to ${count - 1} (SHARDS=${count}), got "${raw}"`);
  }
  return { count, serves: serves.sort((a, b) => a - b), timeoutMs, verifyThreads };
}

/** Debian's fonts-wqy-zenhei: Chinese, Latin and the punctuation of both in one face, about 17 MB. */
const DEFAULT_REPORT_FONT = '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc';
const DEFAULT_REPORT_FONT_FACE = 'WenQuanYiZenHei';

/** A missing font would only show when someone asks for a PDF; better to refuse to start. REPORT_FONT_FACE picks a face of a .ttc collection. */
function reportFontFrom(r: EnvReader, fileExists: (path: string) => boolean): AppConfig['reportFont'] {
  const path = r.string('REPORT_FONT', DEFAULT_REPORT_FONT);
  const face = r.optional('REPORT_FONT_FACE') ?? (path === DEFAULT_REPORT_FONT ? DEFAULT_REPORT_FONT_FACE : undefined);
  if (!fileExists(path)) r.problems.push(`REPORT_FONT: no font file at "${path}": install it (Debian: apt-get install fonts-wqy-zenhei) or set REPORT_FONT to a TrueType/OpenType font with CJK glyphs`);
  return face ? { path, face } : { path };
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** OPS_PORT unset or 0: no operations listener (several processes on one host each need a port of their own). */
function opsFrom(r: EnvReader): OpsConfig {
  const level = r.string('LOG_LEVEL', 'info').toLowerCase();
  if (!LOG_LEVELS.includes(level as LogLevel)) r.problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${level}"`);
  const port = r.int('OPS_PORT', 0, 0, 65_535);
  return { logLevel: level as LogLevel, port: port === 0 ? null : port };
}

function databaseFrom(r: EnvReader): DatabaseConfig | undefined {
  const u = r.url('DATABASE_URL', DEFAULT_DATABASE_URL, ['postgres:', 'postgresql:']);
  if (!u) return undefined;
  const name = decodeURIComponent(u.pathname.replace(/^\//, ''));
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
    r.problems.push(`DATABASE_URL must name a database made of letters, digits and underscores, got "${name}"`);
  }
  return {
    host: u.hostname,
    port: u.port ? Number(u.port) : 5432,
    user: decodeURIComponent(u.username) || 'postgres',
    password: decodeURIComponent(u.password),
    name,
  };
}

function redisFrom(r: EnvReader): RedisConfig | undefined {
  const u = r.url('REDIS_URL', DEFAULT_REDIS_URL, ['redis:']);
  if (!u) return undefined;
  const dbPart = u.pathname.replace(/^\//, '');
  if (dbPart && !/^\d+$/.test(dbPart)) r.problems.push(`REDIS_URL database must be a number, got "${dbPart}"`);
  const password = decodeURIComponent(u.password);
  return { host: u.hostname, port: u.port ? Number(u.port) : 6379, db: dbPart ? Number(dbPart) : 0, ...(password ? { password } : {}) };
}

function placeholderDatabase(): DatabaseConfig {
  return { host: '', port: 0, user: '', password: '', name: '' };
}
