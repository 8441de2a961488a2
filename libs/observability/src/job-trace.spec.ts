import { Logger } from '@nestjs/common';
import { traceJob } from './job-trace';
import { metricsRegistry } from './metrics';
import { currentRequestId, noteDecodeTime } from './trace-context';

const sample = async (series: string): Promise<number | undefined> => {
  const line = (await metricsRegistry.metrics()).split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.split(' ')[1]);
};

describe('traceJob', () => {
  it('runs the job with its request id and counts it by queue, name and outcome', async () => {
    let seen: string | undefined;
    await traceJob({ id: 'fingerprint-episode.r1', name: 'fingerprint-episode', queue: 'spec-episodes', requestId: 'req-9' }, async () => {
      seen = currentRequestId();
      noteDecodeTime(5);
    });
    expect(seen).toBe('req-9');
    expect(await sample('dramaguard_job_duration_seconds_count{queue="spec-episodes",name="fingerprint-episode",outcome="completed"}')).toBe(1);
    expect(await sample('dramaguard_fingerprint_decode_ratio_count{name="fingerprint-episode"}')).toBe(1);
  });

  it('counts a failed attempt and hands the failure on', async () => {
    const failure = new Error('ffmpeg was killed');
    await expect(traceJob({ id: 'x', name: 'match-clip', queue: 'spec-clips' }, () => Promise.reject(failure))).rejects.toBe(failure);
    expect(await sample('dramaguard_job_duration_seconds_count{queue="spec-clips",name="match-clip",outcome="failed"}')).toBe(1);
    expect(await sample('dramaguard_job_duration_seconds_count{queue="spec-clips",name="match-clip",outcome="completed"}')).toBeUndefined();
    // Its CPU is counted too, however little it was.
    expect(await sample('dramaguard_job_cpu_seconds_total{queue="spec-clips",name="match-clip",outcome="failed"}')).toBeDefined();
  });

  it("times a shard's match jobs apart, by shard: its sparse round, its stage one and its verification, and no other job", async () => {
    await traceJob({ id: 'm', name: 'match-shard', queue: 'shard-3', shard: 3 }, async () => undefined);
    expect(await sample('dramaguard_match_duration_seconds_count{shard="3"}')).toBe(1);
    await traceJob({ id: 'v', name: 'verify-shard', queue: 'shard-3', shard: 3 }, async () => undefined);
    expect(await sample('dramaguard_match_duration_seconds_count{shard="3"}')).toBe(2);
    await traceJob({ id: 'g', name: 'geometry-shard', queue: 'shard-3', shard: 3 }, async () => undefined);
    expect(await sample('dramaguard_match_duration_seconds_count{shard="3"}')).toBe(3);
    await traceJob({ id: 'l', name: 'learn-shard', queue: 'shard-3', shard: 3 }, async () => undefined);
    expect(await sample('dramaguard_match_duration_seconds_count{shard="3"}')).toBe(3);
  });

  it('says how much CPU the process used while the job ran, and counts it', async () => {
    const logged = jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    try {
      await traceJob({ id: 'c', name: 'verify-shard', queue: 'spec-cpu' }, async () => {
        const used = (): number => {
          const { user, system } = process.cpuUsage();
          return user + system;
        };
        const until = used() + 60_000;
        while (used() < until);
      });
      const line = logged.mock.calls.map(([msg]) => String(msg)).find((msg) => msg.startsWith('verify-shard completed'));
      const cpuMs = Number(/^verify-shard completed in [\d.]+ s, (\d+) ms of CPU$/.exec(line ?? '')?.[1]);
      expect(cpuMs).toBeGreaterThanOrEqual(60);
      expect(await sample('dramaguard_job_cpu_seconds_total{queue="spec-cpu",name="verify-shard",outcome="completed"}')).toBeGreaterThanOrEqual(0.06);
    } finally {
      logged.mockRestore();
    }
  });
});
