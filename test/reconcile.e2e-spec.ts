import { DataSource } from 'typeorm';
import { createWork, uploadEpisode } from './support/api-calls';
import { fixtures } from './support/fixtures';
import { ScratchRedis } from './support/scratch-redis';
import { TestStack } from './support/test-stack';
import { waitFor } from './support/wait-for';

type Body = Record<string, any>;

describe('work accepted while Redis loses every job', () => {
  let redis: ScratchRedis;
  let stack: TestStack;

  beforeAll(async () => {
    redis = await ScratchRedis.start();
    stack = await TestStack.start({ redis: { host: '127.0.0.1', port: redis.port, db: 0 } }, { processes: 0 });
  });

  afterAll(async () => {
    await stack?.stop();
    await redis?.stop();
  });

  it('is completed, once, by the worker that starts next, from what PostgreSQL records', async () => {
    const work = await createWork(stack);
    const episode = await uploadEpisode(stack, work.id, await fixtures.episode1(), 1);
    expect(episode.code).toBe(201);
    const clip = (await stack.reviewer.http.post('/clips').attach('file', await fixtures.excerpt()).expect(201)).body;
    await redis.flushAll();

    const worker = await stack.addWorkerProcess();
    await worker.waitForOutput(/re-enqueued 2 job\(s\) the queue had lost/);
    const registration = await waitFor(
      async () => (await stack.http().get(`/registrations/${episode.body.id}`)).body as Body,
      (r) => r.status === 'registered' || r.status === 'failed',
      120_000,
    );
    expect(registration.status).toBe('registered');
    // The clip may be matched before the episode is registered; the episode's retro-match then finds it.
    const matched = await waitFor(
      async () => (await stack.reviewer.http.get(`/clips/${clip.id}`)).body as Body,
      (c) => c.status === 'done' && c.matches.length > 0,
      120_000,
    );
    expect(matched.matches.map((m: Body) => m.registrationId)).toEqual([episode.body.id]);

    const db = stack.api.get(DataSource);
    const [{ n: fingerprints }] = await db.query('SELECT count(*)::int AS n FROM fingerprints WHERE registration_id = $1', [episode.body.id]);
    const [{ n: matches }] = await db.query('SELECT count(*)::int AS n FROM clip_matches WHERE clip_id = $1', [clip.id]);
    expect([fingerprints, matches]).toEqual([1, 1]);
    await waitFor(
      async () => (await db.query('SELECT retro_matched_at FROM registrations WHERE id = $1', [episode.body.id]))[0].retro_matched_at,
      (at) => at !== null,
      60_000,
    );
  }, 300_000);
});
