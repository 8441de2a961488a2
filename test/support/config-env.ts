import type { AppConfig } from '@dramaguard/config';

/**
 * The environment that makes a child process parse `config` (the inverse of
 * parseConfig). The log level is left at its default: specs wait for a child's info lines.
 */
export function configEnv(c: AppConfig): Record<string, string> {
  const db = c.database;
  const auth = db.password ? `${encodeURIComponent(db.user)}:${encodeURIComponent(db.password)}` : encodeURIComponent(db.user);
  const redisAuth = c.redis.password ? `:${encodeURIComponent(c.redis.password)}@` : '';
  return {
    HOST: c.http.host,
    PORT: String(c.http.port),
    DATABASE_URL: `postgres://${auth}@${db.host}:${db.port}/${db.name}`,
    REDIS_URL: `redis://${redisAuth}${c.redis.host}:${c.redis.port}/${c.redis.db}`,
    QUEUE_PREFIX: c.queuePrefix,
    MEDIA_DIR: c.mediaDir,
    MAX_UPLOAD_BYTES: String(c.limits.maxUploadBytes),
    MIN_DURATION_SECONDS: String(c.limits.minDurationSeconds),
    MAX_DURATION_SECONDS: String(c.limits.maxDurationSeconds),
    MIN_DIMENSION: String(c.limits.minDimension),
    MAX_DIMENSION: String(c.limits.maxDimension),
    JOB_ATTEMPTS: String(c.jobs.attempts),
    JOB_BACKOFF_MS: String(c.jobs.backoffMs),
    WORKER_CONCURRENCY: String(c.jobs.concurrency),
    INDEX_SYNC_INTERVAL_MS: String(c.indexSyncIntervalMs),
    RECONCILE_INTERVAL_MS: String(c.reconcileIntervalMs),
    FFMPEG_PATH: c.ffmpeg.ffmpegPath,
    FFPROBE_PATH: c.ffmpeg.ffprobePath,
    SIGNING_KEY_PATH: c.signingKeyPath,
    RETRO_MATCH_DAYS: String(c.retroMatchDays),
    RETRO_MATCH_DELAY_MS: String(c.retroMatchDelayMs),
    SHARDS: String(c.shards.count),
    WORKER_SHARDS: c.shards.serves.length ? c.shards.serves.join(',') : 'none',
    SHARD_TIMEOUT_MS: String(c.shards.timeoutMs),
    MATCH_VERIFY_THREADS: String(c.shards.verifyThreads),
    RATE_LIMIT_REQUESTS: String(c.abuse.requestsPerWindow),
    RATE_LIMIT_WINDOW_MS: String(c.abuse.windowMs),
    MAX_QUEUE_DEPTH: String(c.abuse.maxQueueDepth),
    CHECKPOINT_INTERVAL_MS: String(c.checkpointIntervalMs),
    CONSOLE_DIR: c.consoleDir,
    CLIP_RETENTION_DAYS: String(c.retention.clipDays),
    RETENTION_INTERVAL_MS: String(c.retention.intervalMs),
    OPS_PORT: String(c.ops.port ?? 0),
    DISPUTE_ANSWER_DAYS: String(c.disputes.answerDays),
    ...(c.auth.adminApiKey ? { ADMIN_API_KEY: c.auth.adminApiKey } : {}),
  };
}
