import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Jobs of one queue by state, as BullMQ counts them. */
export interface QueueCounts {
  readonly waiting: number;
  readonly active: number;
  readonly delayed: number;
  readonly failed: number;
}

/** What a worker's match index holds. */
export interface IndexSize {
  readonly episodes: number;
  readonly bytes: number;
}

/**
 * One registry per process, read by the operations listener. Queue depths and
 * the index are read when scraped, from whoever registered as their source
 * (the api for queues, a worker for its index).
 */
export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry });

let queueSource: (() => Promise<Record<string, QueueCounts>>) | null = null;
let indexSource: (() => IndexSize) | null = null;

export function observeQueues(source: () => Promise<Record<string, QueueCounts>>): void {
  queueSource = source;
}

export function observeIndex(source: () => IndexSize): void {
  indexSource = source;
}

const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
const JOB_SECONDS = [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 120, 300, 600, 1800];

export const httpSeconds = new Histogram({
  name: 'dramaguard_http_request_duration_seconds',
  help: 'HTTP requests answered by the api, by route template, method and status',
  labelNames: ['method', 'route', 'status'] as const,
  buckets: SECONDS,
  registers: [metricsRegistry],
});

export const jobSeconds = new Histogram({
  name: 'dramaguard_job_duration_seconds',
  help: 'Job attempts run by this worker, by queue, job name and outcome (a shard queue shard-N times that shard matching a clip)',
  labelNames: ['queue', 'name', 'outcome'] as const,
  buckets: JOB_SECONDS,
  registers: [metricsRegistry],
});

export const jobCpuSeconds = new Counter({
  name: 'dramaguard_job_cpu_seconds_total',
  help: "CPU the process used while its job attempts ran, every thread of it, by queue, job name and outcome (jobs running side by side in one process each count the other's)",
  labelNames: ['queue', 'name', 'outcome'] as const,
  registers: [metricsRegistry],
});

export const matchSeconds = new Histogram({
  name: 'dramaguard_match_duration_seconds',
  help: "Time of the match jobs of one shard that completed, by shard: one shard's whole match and its merge (match-shard); with several, the sparse round (geometry-shard), stage one (match-shard) and verification (verify-shard), timed apart, or the whole match and its merge in the geometry job of a worker serving every shard; a worker serving several shards matches in the lowest one's jobs, the others' take no time",
  labelNames: ['shard'] as const,
  buckets: JOB_SECONDS,
  registers: [metricsRegistry],
});

const clipResultSeconds = new Histogram({
  name: 'dramaguard_clip_result_seconds',
  help: 'From the upload of a suspect clip to its merged result, by outcome (a clip completed by a late shard answer counts again as done)',
  labelNames: ['outcome'] as const,
  buckets: JOB_SECONDS,
  registers: [metricsRegistry],
});

export function observeClipResult(outcome: 'done' | 'incomplete', seconds: number): void {
  clipResultSeconds.observe({ outcome }, seconds);
}

export const fingerprintDecodeRatio = new Histogram({
  name: 'dramaguard_fingerprint_decode_ratio',
  help: 'Wall time of a completed job that decodes a video over the time it spent receiving decoded frames (1: decoding is all the cost)',
  labelNames: ['name'] as const,
  buckets: [1, 1.05, 1.1, 1.25, 1.5, 2, 3, 5, 10],
  registers: [metricsRegistry],
});

new Gauge({
  name: 'dramaguard_queue_jobs',
  help: 'Jobs in each queue by state, read from Redis when scraped',
  labelNames: ['queue', 'state'] as const,
  registers: [metricsRegistry],
  async collect() {
    if (!queueSource) return;
    this.reset();
    for (const [queue, counts] of Object.entries(await queueSource())) {
      for (const [state, n] of Object.entries(counts)) this.set({ queue, state }, n);
    }
  },
});

new Gauge({
  name: 'dramaguard_index_episodes',
  help: "Episodes in this worker's match index",
  registers: [metricsRegistry],
  collect() {
    if (indexSource) this.set(indexSource().episodes);
  },
});

new Gauge({
  name: 'dramaguard_index_bytes',
  help: "Bytes this worker's match index holds in memory (its key-frame tables)",
  registers: [metricsRegistry],
  collect() {
    if (indexSource) this.set(indexSource().bytes);
  },
});
