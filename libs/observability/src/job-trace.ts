import { Logger } from '@nestjs/common';
import { performance } from 'node:perf_hooks';
import { fingerprintDecodeRatio, jobCpuSeconds, jobSeconds, matchSeconds } from './metrics';
import { currentTrace, runTraced } from './trace-context';

/** One attempt of a job, as the log and the metrics name it. */
export interface JobTrace {
  readonly id: string;
  readonly name: string;
  readonly queue: string;
  /** The request that (directly or through other jobs) enqueued it. */
  readonly requestId?: string;
  /** The shard a shard's job matches against. */
  readonly shard?: number;
}

const log = new Logger('Job');

/** The jobs a shard matches a clip in, timed by shard (matchSeconds). */
const MATCH_JOBS: ReadonlySet<string> = new Set(['geometry-shard', 'match-shard', 'verify-shard']);

/**
 * Runs one job attempt in its trace context, so its log lines and the jobs it
 * enqueues carry its request id, and records its duration and outcome. Its
 * completion also says how much CPU the process used meanwhile, every thread
 * of it (the match thread's work for the job, and other jobs running beside
 * it): where processes share cores, a job's wall time says what the others
 * did too, its CPU does not (docs/BENCHMARK.md, section 58).
 */
export function traceJob(job: JobTrace, run: () => Promise<void>): Promise<void> {
  return runTraced({ requestId: job.requestId, job: { id: job.id, name: job.name, queue: job.queue } }, async () => {
    const started = performance.now();
    const cpu = process.cpuUsage();
    // Seconds of the process's CPU since the attempt started, counted by outcome.
    const cpuUsed = (outcome: 'completed' | 'failed'): number => {
      const { user, system } = process.cpuUsage(cpu);
      const seconds = (user + system) / 1e6;
      jobCpuSeconds.inc({ queue: job.queue, name: job.name, outcome }, seconds);
      return seconds;
    };
    log.log(`${job.name} started`);
    try {
      await run();
    } catch (e) {
      const seconds = (performance.now() - started) / 1000;
      jobSeconds.observe({ queue: job.queue, name: job.name, outcome: 'failed' }, seconds);
      cpuUsed('failed');
      log.warn(`${job.name} failed after ${seconds.toFixed(2)} s: ${(e as Error).message}`);
      throw e;
    }
    const ms = performance.now() - started;
    jobSeconds.observe({ queue: job.queue, name: job.name, outcome: 'completed' }, ms / 1000);
    if (MATCH_JOBS.has(job.name) && job.shard !== undefined) matchSeconds.observe({ shard: String(job.shard) }, ms / 1000);
    const decodeMs = currentTrace()?.decodeMs ?? 0;
    if (decodeMs > 0) fingerprintDecodeRatio.observe({ name: job.name }, ms / decodeMs);
    const cpuMs = Math.round(cpuUsed('completed') * 1000);
    log.log(`${job.name} completed in ${(ms / 1000).toFixed(2)} s${decodeMs > 0 ? `, ${(decodeMs / 1000).toFixed(2)} s of it decoding` : ''}, ${cpuMs} ms of CPU`);
  });
}
