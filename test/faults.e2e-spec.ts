import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { createWork, matchClip, registerEpisode, uploadEpisode } from './support/api-calls';
import { BuiltProcess } from './support/built-process';
import { fixtures } from './support/fixtures';
import { slowFfmpeg } from './support/slow-ffmpeg';
import { ScratchPostgres } from './support/scratch-postgres';
import { ScratchRedis } from './support/scratch-redis';
import { TestStack } from './support/test-stack';
import { waitFor } from './support/wait-for';

type Body = Record<string, any>;

describe('PostgreSQL restarted while jobs run', () => {
  let pg: ScratchPostgres;
  let stack: TestStack;

  beforeAll(async () => {
    pg = ScratchPostgres.start(55_432 + (process.pid % 1000));
    stack = await TestStack.start({ database: pg.database('dramaguard_test'), jobs: { attempts: 4, backoffMs: 1_000, concurrency: 1 } }, { processes: 0 });
  }, 60_000);

  afterAll(async () => {
    await stack?.stop();
    pg?.stop();
  });

  it('completes the registration and the clip once each, with no duplicate rows', async () => {
    await stack.addWorkerProcess({ ffmpeg: { ...stack.config.ffmpeg, ffmpegPath: slowFfmpeg(3) } });
    const work = await createWork(stack);
    const upload = await uploadEpisode(stack, work.id, await fixtures.episode1(), 1);
    const read = async () => (await stack.http().get(`/registrations/${upload.body.id}`)).body as Body;
    await waitFor(read, (r) => r.status === 'fingerprinting', 30_000);

    const restartedAt = Date.now();
    pg.restart();
    const registered = await waitFor(
      async () => {
        try {
          return await read();
        } catch {
          return { status: 'unreachable' };
        }
      },
      (r) => r.status === 'registered' || r.status === 'failed',
      120_000,
    );
    expect(registered).toMatchObject({ status: 'registered', failureReason: null });
    process.stdout.write(`registration completed ${((Date.now() - restartedAt) / 1000).toFixed(1)} s after the restart\n`);

    const clip = (await stack.reviewer.http.post('/clips').attach('file', await fixtures.excerpt()).expect(201)).body;
    await waitFor(async () => (await stack.reviewer.http.get(`/clips/${clip.id}`)).body as Body, (c) => c.status === 'matching', 30_000);
    pg.restart();
    const matched = await waitFor(
      async () => {
        try {
          return (await stack.reviewer.http.get(`/clips/${clip.id}`)).body as Body;
        } catch {
          return { status: 'unreachable' };
        }
      },
      (c) => ['done', 'incomplete', 'failed'].includes(c.status),
      120_000,
    );
    expect(matched).toMatchObject({ status: 'done', verdict: 'case_opened' });
    process.stdout.write(`clip matched ${((Date.now() - restartedAt) / 1000).toFixed(1)} s after the first restart\n`);

    const db = stack.api.get(DataSource);
    const count = async (sql: string, id: string) => (await db.query(sql, [id]))[0].n as number;
    expect(await count('SELECT count(*)::int AS n FROM fingerprints WHERE registration_id = $1', upload.body.id)).toBe(1);
    expect(await count(`SELECT count(*)::int AS n FROM audit_log WHERE subject_id = $1 AND action = 'registration.registered'`, upload.body.id)).toBe(1);
    expect(await count('SELECT count(*)::int AS n FROM clip_matches WHERE clip_id = $1', clip.id)).toBe(1);
    expect(await count('SELECT count(*)::int AS n FROM cases WHERE clip_id = $1', clip.id)).toBe(1);
    expect((await stack.admin.get('/audit/verify').expect(200)).body.valid).toBe(true);
  }, 300_000);
});

describe.each([
  ['with its append-only file, the queued jobs survive', 'aof' as const, false],
  ['without persistence, the reconciler re-enqueues the lost jobs from PostgreSQL', 'none' as const, true],
])('Redis restarted under queued work: %s', (_name, persistence, reconciled) => {
  let redis: ScratchRedis;
  let stack: TestStack;

  beforeAll(async () => {
    redis = await ScratchRedis.start(persistence);
    stack = await TestStack.start({ redis: { host: '127.0.0.1', port: redis.port, db: 0 } }, { processes: 0 });
  });

  afterAll(async () => {
    await stack?.stop();
    await redis?.stop();
  });

  it('completes every accepted upload once', async () => {
    const work = await createWork(stack);
    const upload = await uploadEpisode(stack, work.id, await fixtures.episode1(), 1);
    expect(upload.code).toBe(201);
    await redis.restart();
    const restartedAt = Date.now();
    const worker = await stack.addWorkerProcess();
    const registration = await waitFor(
      async () => (await stack.http().get(`/registrations/${upload.body.id}`)).body as Body,
      (r) => r.status === 'registered' || r.status === 'failed',
      120_000,
    );
    expect(registration.status).toBe('registered');
    expect(worker.log.includes('re-enqueued 1 job(s) the queue had lost')).toBe(reconciled);
    const [{ n }] = await stack.api.get(DataSource).query('SELECT count(*)::int AS n FROM fingerprints WHERE registration_id = $1', [upload.body.id]);
    expect(n).toBe(1);
    process.stdout.write(`Redis ${persistence}: registered ${((Date.now() - restartedAt) / 1000).toFixed(1)} s after the restart\n`);
  }, 180_000);
});

describe('200 uploads at once against a bounded queue', () => {
  const DEPTH = 40;
  let stack: TestStack;

  beforeAll(async () => {
    stack = await TestStack.start({ abuse: { requestsPerWindow: 1_000_000, windowMs: 60_000, maxQueueDepth: DEPTH } }, { processes: 0 });
  });

  afterAll(() => stack?.stop());

  it('accepts what the queue may hold, refuses the rest with 503 and a clear message, keeps no file of a refusal, and completes each accepted clip once', async () => {
    const file = await fixtures.sized(64, 112, 1);
    const answers = await Promise.all(Array.from({ length: 200 }, () => stack.reviewer.http.post('/clips').attach('file', file)));
    const accepted = answers.filter((a) => a.status === 201).map((a) => a.body.id as string);
    const refused = answers.filter((a) => a.status !== 201);
    expect(accepted.length).toBeGreaterThanOrEqual(DEPTH);
    expect(refused.every((r) => r.status === 503 && r.body.error === 'queue_full' && r.headers['retry-after'] === '60')).toBe(true);
    expect(stack.incomingFiles()).toEqual([]);
    await stack.addWorkerProcess({ jobs: { ...stack.config.jobs, concurrency: 4 } });
    await waitFor(
      async () => (await stack.api.get(DataSource).query(`SELECT count(*)::int AS n FROM clips WHERE status = 'done'`))[0].n as number,
      (n) => n === accepted.length,
      240_000,
    );
    const [{ n }] = await stack.api.get(DataSource).query(`SELECT count(*)::int AS n FROM clips`);
    expect(n).toBe(accepted.length);
    process.stdout.write(`200 uploads at once: ${accepted.length} accepted and done, ${refused.length} refused with 503\n`);
  }, 300_000);
});

describe('a worker whose media directory lacks the stored video', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await TestStack.start({ jobs: { attempts: 2, backoffMs: 200, concurrency: 1 } }, { processes: 0 });
  });

  afterAll(() => stack?.stop());

  it('reports the missing file by name, not as a video that cannot be decoded', async () => {
    const elsewhere = mkdtempSync(join(tmpdir(), 'dg-other-media-'));
    const worker = await stack.addWorkerProcess({ mediaDir: elsewhere });
    const upload = await uploadEpisode(stack, (await createWork(stack)).id, await fixtures.episode1(), 1);
    const failed = await waitFor(
      async () => (await stack.http().get(`/registrations/${upload.body.id}`)).body as Body,
      (r) => r.status === 'failed' || r.status === 'registered',
      60_000,
    );
    expect(failed.status).toBe('failed');
    expect(failed.failureReason).toMatch(new RegExp(`^the stored video ${elsewhere}/episodes/.+ is missing on this worker`));
    expect(worker.log).toContain('is missing on this worker');
  }, 120_000);
});

describe('a merge that fails in the job that matched the clip', () => {
  let stack: TestStack;
  let worker: BuiltProcess;

  beforeAll(async () => {
    stack = await TestStack.start({}, { processes: 0 });
    worker = await stack.addWorkerProcess();
  });

  afterAll(() => stack?.stop());

  it('fails that job, which BullMQ retries whole: the clip ends done with its match and one case', async () => {
    const original = await registerEpisode(stack, (await createWork(stack)).id, await fixtures.episode1(), 1);
    // The first row the merge stores fails its transaction; a sequence counts outside it, so the retry's goes through.
    await stack.api.get(DataSource).query(`
      CREATE SEQUENCE merge_fault_seq;
      CREATE FUNCTION merge_fault() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN IF nextval('merge_fault_seq') = 1 THEN RAISE EXCEPTION 'merge fault injected'; END IF; RETURN NEW; END $$;
      CREATE TRIGGER merge_fault BEFORE INSERT ON clip_matches FOR EACH ROW EXECUTE FUNCTION merge_fault();`);

    const clip = await matchClip(stack, await fixtures.excerpt());
    expect(clip).toMatchObject({ status: 'done', verdict: 'case_opened', failureReason: null });
    expect(clip.matches.map((m: Body) => m.registrationId)).toEqual([original.id]);

    // The clip is done inside the job, before the job's last line.
    await worker.waitForOutput(new RegExp(`"jobId":"match-shard\\.${clip.id}\\.[^"]*"[^\\n]*"msg":"match-shard completed`));
    const job = new RegExp(`"jobId":"match-shard\\.${clip.id}\\.[^"]*"[^\\n]*"msg":"match-shard (failed|completed)[^"]*"`, 'g');
    expect([...worker.log.matchAll(job)].map((m) => m[0].replace(/.*"msg":"/, ''))).toEqual([
      expect.stringMatching(/^match-shard failed after [\d.]+ s: merge fault injected/),
      expect.stringMatching(/^match-shard completed in/),
    ]);
    const [{ n }] = await stack.api.get(DataSource).query('SELECT count(*)::int AS n FROM cases WHERE clip_id = $1', [clip.id]);
    expect(n).toBe(1);
  }, 120_000);
});
