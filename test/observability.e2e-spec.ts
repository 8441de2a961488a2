import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { BUILT, BuiltProcess } from './support/built-process';
import { configEnv } from './support/config-env';
import { makeOnce } from './support/fixtures';
import { freePort } from './support/free-port';
import { TEST_ADMIN_KEY, testConfig, testDatabase } from './support/test-config';
import { freshDatabase } from './support/test-database';
import { waitFor } from './support/wait-for';

/** Written into the upload's container metadata: if any part of the file reached a log, this would. */
const CONTENT_MARKER = 'DG-CONTENT-MARKER-5e1f0c';

/** JSON log lines of a process's output (the odd line that is not JSON fails the parse and the spec). */
function logLines(process: BuiltProcess): Record<string, unknown>[] {
  return process.log
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

/** Sample value of one series in a Prometheus text exposition, or undefined. */
function sample(metrics: string, series: string): number | undefined {
  const line = metrics.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('operations: JSON logs traced by request id, metrics, probes', () => {
  const config = testConfig({ database: testDatabase('dramaguard_test_ops') });
  let api: BuiltProcess;
  let worker: BuiltProcess;
  let base: string;
  let apiOps: string;
  let workerOps: string;
  let video: string;

  beforeAll(async () => {
    await freshDatabase(config.database);
    video = await makeOnce(join(config.mediaDir, 'fixtures'), 'marked.mp4', (out) => [
      ...['-f', 'lavfi', '-i', 'testsrc2=size=360x640:rate=25', '-t', '8'],
      ...['-c:v', 'libx264', '-preset', 'veryfast', '-pix_fmt', 'yuv420p', '-metadata', `title=${CONTENT_MARKER}`, '-metadata', `comment=${CONTENT_MARKER}`, out],
    ]);
    const [port, apiOpsPort, workerOpsPort] = [await freePort(), await freePort(), await freePort()];
    const env = configEnv(config);
    api = BuiltProcess.start(BUILT.api, { ...env, PORT: String(port), OPS_PORT: String(apiOpsPort) });
    worker = BuiltProcess.start(BUILT.worker, { ...env, OPS_PORT: String(workerOpsPort) });
    base = `http://127.0.0.1:${port}`;
    apiOps = `http://127.0.0.1:${apiOpsPort}`;
    workerOps = `http://127.0.0.1:${workerOpsPort}`;
    await api.waitForOutput('api listening');
    await worker.waitForOutput('worker ready');
  });

  afterAll(async () => {
    await api?.stop();
    await worker?.stop();
    rmSync(config.mediaDir, { recursive: true, force: true });
  });

  const call = (path: string, init: RequestInit & { key?: string } = {}) =>
    fetch(base + path, { ...init, headers: { ...(init.key ? { authorization: `Bearer ${init.key}` } : {}), ...(init.headers as Record<string, string>) } });

  async function json(path: string, key: string, body?: unknown): Promise<Record<string, unknown>> {
    const res = await call(path, body === undefined ? { key } : { key, method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
    expect(res.status).toBeLessThan(300);
    return (await res.json()) as Record<string, unknown>;
  }

  it('follows one upload by its request id from the api through every job it leads to, and keeps secrets and file contents out of the log', async () => {
    const holder = await json('/accounts', TEST_ADMIN_KEY, { name: 'Golden Reel Studio', role: 'rights_holder' });
    const { key } = (await json(`/accounts/${holder.id}/keys`, TEST_ADMIN_KEY, { label: 'ops' })) as { key: string };
    const work = await json('/works', key, { title: '秘密新娘', year: 2026, language: 'zh-CN', episodeCount: 10 });

    const form = new FormData();
    form.append('file', new Blob([readFileSync(video)]), 'episode01.mp4');
    form.append('episodeNumber', '1');
    form.append('title', 'The contract');
    const upload = await call(`/works/${work.id}/episodes`, { key, method: 'POST', body: form, headers: { 'x-request-id': 'trace-upload-0001' } });
    expect(upload.status).toBe(201);
    expect(upload.headers.get('x-request-id')).toBe('trace-upload-0001');
    const registration = (await upload.json()) as { id: string };
    await waitFor(
      async () => ((await json(`/registrations/${registration.id}`, key)) as { status: string }).status,
      (s) => s === 'registered',
    );

    const clipForm = new FormData();
    clipForm.append('file', new Blob([readFileSync(video)]), 'suspect.mp4');
    const clipRes = await call('/clips', { key: TEST_ADMIN_KEY, method: 'POST', body: clipForm, headers: { 'x-request-id': 'trace-clip-0002' } });
    expect(clipRes.status).toBe(201);
    const clip = (await clipRes.json()) as { id: string };
    await waitFor(async () => ((await json(`/clips/${clip.id}`, TEST_ADMIN_KEY)) as { status: string }).status, (s) => s === 'done');

    // A refused key, an id that could forge a log line: neither is echoed as given.
    const refused = await call('/works', { key: 'dg_not-a-key-but-secret-looking-0123456789abcdefgh', headers: { 'x-request-id': 'bad id {"level":60}' } });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);

    // Let the worker finish logging the retro-match and the clip's match, which merged its one shard's answer itself.
    await waitFor(async () => worker.log, (log) => log.includes('match-shard completed'));

    const apiLines = logLines(api);
    const uploadLine = apiLines.find((l) => l.requestId === 'trace-upload-0001' && l.msg === 'request completed');
    expect(uploadLine).toMatchObject({ service: 'api', req: { method: 'POST', url: `/works/${work.id}/episodes` }, res: { statusCode: 201 } });
    expect(uploadLine).not.toHaveProperty('req.headers');

    const traced = logLines(worker).filter((l) => l.requestId === 'trace-upload-0001');
    const jobs = new Set(traced.map((l) => l.jobId));
    expect(jobs).toContain(`fingerprint-episode.${registration.id}`);
    expect(jobs).toContain(`retro-match-episode.${registration.id}`);
    expect(traced.map((l) => l.msg)).toContain('fingerprint-episode started');
    expect(traced.some((l) => /^fingerprint-episode completed in [\d.]+ s, [\d.]+ s of it decoding, [1-9]\d* ms of CPU$/.test(String(l.msg)))).toBe(true);
    const clipJobs = new Set(logLines(worker).filter((l) => l.requestId === 'trace-clip-0002').map((l) => String(l.jobId).split('.')[0]));
    expect([...clipJobs].sort()).toEqual(['match-clip', 'match-shard']);

    const everything = api.log + worker.log;
    const signingKey = readFileSync(config.signingKeyPath, 'utf8');
    const keyBody = signingKey.split('\n').filter((l) => l && !l.startsWith('-----')).join('');
    expect(keyBody.length).toBeGreaterThan(40);
    for (const secret of [TEST_ADMIN_KEY, key, 'dg_not-a-key-but-secret-looking', keyBody, ...signingKey.split('\n').filter((l) => l.length > 20)]) {
      expect(everything).not.toContain(secret);
    }
    expect(everything).not.toContain(CONTENT_MARKER);
    expect(everything).not.toContain('{"level":60}');
  });

  it('serves Prometheus metrics on the operations port only', async () => {
    const apiMetrics = await (await fetch(`${apiOps}/metrics`)).text();
    expect(sample(apiMetrics, 'dramaguard_http_request_duration_seconds_count{method="POST",route="/works/:id/episodes",status="201"}')).toBe(1);
    expect(sample(apiMetrics, 'dramaguard_http_request_duration_seconds_count{method="GET",route="unmatched",status="401"}')).toBeUndefined();
    expect(sample(apiMetrics, 'dramaguard_queue_jobs{queue="episodes",state="waiting"}')).toBe(0);
    expect(sample(apiMetrics, 'dramaguard_queue_jobs{queue="shard-0",state="failed"}')).toBe(0);

    const workerMetrics = await (await fetch(`${workerOps}/metrics`)).text();
    expect(sample(workerMetrics, 'dramaguard_job_duration_seconds_count{queue="episodes",name="fingerprint-episode",outcome="completed"}')).toBe(1);
    expect(sample(workerMetrics, 'dramaguard_match_duration_seconds_count{shard="0"}')).toBe(1);
    expect(sample(workerMetrics, 'dramaguard_job_cpu_seconds_total{queue="episodes",name="fingerprint-episode",outcome="completed"}')).toBeGreaterThan(0);
    expect(sample(workerMetrics, 'dramaguard_clip_result_seconds_count{outcome="done"}')).toBe(1);
    expect(sample(workerMetrics, 'dramaguard_fingerprint_decode_ratio_count{name="fingerprint-episode"}')).toBe(1);
    expect(sample(workerMetrics, 'dramaguard_fingerprint_decode_ratio_count{name="match-clip"}')).toBe(1);
    expect(sample(workerMetrics, 'dramaguard_index_episodes')).toBe(1);
    expect(sample(workerMetrics, 'dramaguard_index_bytes')).toBeGreaterThan(0);

    expect((await call('/metrics', { key: TEST_ADMIN_KEY })).status).toBe(404);
  });

  it('answers liveness and readiness on the api and the worker', async () => {
    const ready = await call('/health/ready');
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ok', details: { postgres: { status: 'up' }, redis: { status: 'up' }, migrations: { status: 'up' } } });
    expect((await call('/health/live')).status).toBe(200);
    const workerReady = await fetch(`${workerOps}/health/ready`);
    expect(workerReady.status).toBe(200);
    expect(await workerReady.json()).toMatchObject({ status: 'ok', details: { matchIndex: { status: 'up', episodes: 1 } } });
    expect((await fetch(`${workerOps}/health/live`)).status).toBe(200);
  });

  it('is not ready while Redis is unreachable, yet alive', async () => {
    const [port, opsPort] = [await freePort(), await freePort()];
    const cut = BuiltProcess.start(BUILT.api, { ...configEnv(config), PORT: String(port), OPS_PORT: String(opsPort), REDIS_URL: `redis://127.0.0.1:${await freePort()}` });
    try {
      await cut.waitForOutput('api listening');
      const ready = await fetch(`http://127.0.0.1:${port}/health/ready`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toMatchObject({ status: 'error', error: { redis: { status: 'down' } }, info: { postgres: { status: 'up' }, migrations: { status: 'up' } } });
      expect((await fetch(`http://127.0.0.1:${opsPort}/health/ready`)).status).toBe(503);
      expect((await fetch(`http://127.0.0.1:${port}/health/live`)).status).toBe(200);
    } finally {
      await cut.stop();
    }
  });
});
