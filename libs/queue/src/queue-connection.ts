import { AppConfig } from '@dramaguard/config';

/**
 * Redis connection and key prefix of every queue and worker. Producers fail
 * fast when Redis is down instead of queueing commands in memory, so an
 * upload is refused rather than silently lost.
 */
export function queueConnection(config: AppConfig) {
  return { connection: { ...config.redis, enableOfflineQueue: false }, prefix: config.queuePrefix };
}
