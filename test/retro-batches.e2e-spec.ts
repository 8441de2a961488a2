import { getQueueToken } from '@nestjs/bullmq';
import { RETRO_QUEUE } from '@dramaguard/queue';
import { ClipRepository, dataSourceOptions, RegistrationRepository } from '@dramaguard/records';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { createWork, matchClip, registerEpisode, settledClip } from './support/api-calls';
import { fixtures } from './support/fixtures';
import { testDatabase } from './support/test-config';
import { freshDatabase } from './support/test-database';
import { TestStack } from './support/test-stack';
import { waitFor } from './support/wait-for';

/**
 * A retro-match job claims a batch of the registered episodes waiting for
 * theirs, so that each recent clip is decoded once for all of them; the
 * claims, against the real database, decide which job matches which episode.
 */
describe('retro-match batches', () => {
  const db = testDatabase('dramaguard_test_retro_batches');
  let ds: DataSource;
  let repo: RegistrationRepository;
  /** Registered in this order, one second apart. */
  let ids: string[];

  beforeAll(async () => {
    await freshDatabase(db);
    ds = await new DataSource(dataSourceOptions(db)).initialize();
    repo = new RegistrationRepository(ds);
    const [{ id: owner }] = await ds.query(`INSERT INTO accounts (name, role) VALUES ('holder', 'rights_holder') RETURNING id`);
    const [{ id: work }] = await ds.query(`INSERT INTO works (rights_holder, title, episode_count, metadata, owner_id) VALUES ('holder', 'w', 6, '{}', $1) RETURNING id`, [owner]);
    ids = [];
    for (let n = 1; n <= 6; n++) {
      const [{ id: episode }] = await ds.query(`INSERT INTO episodes (work_id, number, title) VALUES ($1, $2, 'e') RETURNING id`, [work, n]);
      const [{ id }] = await ds.query(
        `INSERT INTO registrations (number, episode_id, sha256, media_key, file_name, size_bytes, duration_seconds, width, height, status, registered_at)
         VALUES ($1::text, $2, encode(sha256(convert_to($1::text, 'UTF8')), 'hex'), 'k', 'f.mp4', 1, 1, 2, 2, 'registered', now() - $3 * interval '1 second') RETURNING id`,
        [`R-${n}`, episode, 10 - n],
      );
      ids.push(id);
    }
  });

  afterAll(() => ds?.destroy());

  beforeEach(() => ds.query(`UPDATE registrations SET retro_matched_at = NULL, retro_claimed_by = NULL, retro_claimed_until = NULL`));

  const claimedBy = async (): Promise<(string | null)[]> =>
    ((await ds.query(`SELECT id, retro_claimed_by FROM registrations`)) as { id: string; retro_claimed_by: string | null }[])
      .sort((a, b) => ids.indexOf(a.id) - ids.indexOf(b.id))
      .map((r) => r.retro_claimed_by);

  it('gives the first job its episode and the longest waiting ones, and leaves the next job nothing of them', async () => {
    expect(await repo.claimRetroBatch(ids[3], 3, 60_000)).toEqual([ids[3], ids[0], ids[1]]);
    expect(await claimedBy()).toEqual([ids[3], ids[3], null, ids[3], null, null]);
    // An episode of that batch: its own job leaves it to the batch.
    expect(await repo.claimRetroBatch(ids[0], 3, 60_000)).toEqual([]);
    // Another job takes what is left.
    expect(await repo.claimRetroBatch(ids[2], 10, 60_000)).toEqual([ids[2], ids[4], ids[5]]);
    const { toRetroMatch } = await repo.unfinished();
    expect(toRetroMatch).toEqual([]);
  });

  it('lets a retried job take its batch back, and another job take a batch whose claim ran out', async () => {
    expect(await repo.claimRetroBatch(ids[0], 2, 60_000)).toEqual([ids[0], ids[1]]);
    expect(await repo.claimRetroBatch(ids[0], 2, 60_000)).toEqual([ids[0], ids[1]]);
    await ds.query(`UPDATE registrations SET retro_claimed_until = now() - interval '1 second' WHERE retro_claimed_by = $1`, [ids[0]]);
    expect((await repo.unfinished()).toRetroMatch.sort()).toEqual([...ids].sort());
    expect(await repo.claimRetroBatch(ids[1], 10, 60_000)).toEqual([ids[1], ids[0], ids[2], ids[3], ids[4], ids[5]]);
  });

  it('renews only the owner’s claims, and clears a batch once it is retro-matched', async () => {
    await repo.claimRetroBatch(ids[0], 2, 1_000);
    await repo.claimRetroBatch(ids[2], 1, 1_000);
    await repo.renewRetroClaim(ids[0], 3_600_000);
    const until = (await ds.query(`SELECT id, retro_claimed_until > now() + interval '1 minute' AS renewed FROM registrations WHERE retro_claimed_by IS NOT NULL`)) as { id: string; renewed: boolean }[];
    expect(Object.fromEntries(until.map((r) => [ids.indexOf(r.id), r.renewed]))).toEqual({ 0: true, 1: true, 2: false });
    await repo.markRetroMatched([ids[0], ids[1]]);
    expect(await claimedBy()).toEqual([null, null, ids[2], null, null, null]);
    expect(await repo.claimRetroBatch(ids[0], 2, 60_000)).toEqual([]);
    expect((await repo.unfinished()).toRetroMatch.sort()).toEqual([ids[3], ids[4], ids[5]].sort());
  });

  it('gives two jobs claiming at once disjoint batches, each episode in one', async () => {
    const [a, b] = await Promise.all([repo.claimRetroBatch(ids[0], 10, 60_000), repo.claimRetroBatch(ids[5], 10, 60_000)]);
    expect(a.filter((id) => b.includes(id))).toEqual([]);
    expect([...a, ...b].sort()).toEqual([...ids].sort());
    // Each owner is matched by its own job, or by the other's batch when that claimed it first.
    expect(a.includes(ids[0]) || b.includes(ids[0])).toBe(true);
    expect(b.length === 0 || b[0] === ids[5]).toBe(true);
  });

  it('answers the reconciler from partial indexes, not by reading the registrations and clips whole', async () => {
    const asked: string[] = [];
    const query = ds.query.bind(ds);
    const spy = jest.spyOn(ds, 'query').mockImplementation((sql: string, ...rest) => {
      asked.push(sql);
      return query(sql, ...rest);
    });
    try {
      await repo.unfinished();
      await new ClipRepository(ds).unfinished();
    } finally {
      spy.mockRestore();
    }
    expect(asked).toHaveLength(2);
    // Tables this small would be read whole anyway: with sequential scans priced out, the plan says whether an index can answer.
    const plans = await ds.transaction(async (em) => {
      await em.query(`SET LOCAL enable_seqscan = off`);
      return Promise.all(asked.map(async (sql) => ((await em.query(`EXPLAIN ${sql}`)) as { 'QUERY PLAN': string }[]).map((r) => r['QUERY PLAN']).join('\n')));
    });
    expect(plans[0]).toContain('ix_registrations_unfinished');
    expect(plans[0]).toContain('ix_registrations_retro_pending');
    expect(plans[1]).toContain('ix_clips_unfinished');
    for (const plan of plans) expect(plan).not.toContain('Seq Scan');
  });
});

describe('a retro-match batch, through the service', () => {
  let stack: TestStack;

  afterAll(() => stack?.stop());

  it('delays a retro-match so that two episodes registered together are one batch, whose earlier clips are decoded once', async () => {
    stack = await TestStack.start({ retroMatchDays: 30, retroMatchDelayMs: 600_000 }, { processes: 0 });
    const worker = await stack.addWorkerProcess();
    const work = await createWork(stack, { title: 'Two at once', episodeCount: 3 });
    // Episodes 2 and 3, neither registered yet.
    const clip = await matchClip(stack, await fixtures.compilation());
    expect(clip).toMatchObject({ verdict: 'no_match', matches: [] });

    const episodes = [await registerEpisode(stack, work.id, await fixtures.episode2(), 2), await registerEpisode(stack, work.id, await fixtures.episode3(), 3)];
    expect(episodes.map((e) => e.status)).toEqual(['registered', 'registered']);
    // A clip received after both were registered is matched against them as it comes; their retro-match leaves it alone.
    const later = await matchClip(stack, await fixtures.compilation());
    expect(later.matches.map((m: { registrationId: string }) => m.registrationId).sort()).toEqual(episodes.map((e) => e.id).sort());
    // As if it had come more than the retro-match's margin for the registering transaction (10 s) after them.
    await stack.api.get(DataSource).query(`UPDATE clips SET received_at = received_at + interval '11 seconds' WHERE id = $1`, [later.id]);
    const retro = stack.api.get<Queue>(getQueueToken(RETRO_QUEUE));
    const delayed = await retro.getDelayed();
    expect(delayed.map((j) => j.id).sort()).toEqual(episodes.map((e) => `retro-match-episode.${e.id}`).sort());
    // Both at once, as if the delay had run out.
    await Promise.all(delayed.map((j) => j.promote()));

    const rematched = await waitFor(
      () => settledClip(stack, clip.id),
      (c) => c.matches.length === 2,
      60_000,
    );
    expect(rematched.matches.map((m: { registrationId: string }) => m.registrationId).sort()).toEqual(episodes.map((e) => e.id).sort());
    // The other episode's job, once the batch is done or while it runs, has nothing left to decode.
    await waitFor(
      () => retro.getJobCounts('completed'),
      // A third when the reconciler read the episodes as waiting just before the batch took them, and replaced the finished job: it finds the episode done.
      (c) => c.completed >= 2,
      30_000,
    );
    expect(worker.log.match(/retro-matched \d+ episode\(s\)[^"]*/g)).toEqual([expect.stringMatching(/^retro-matched 2 episode\(s\) with the job of [0-9a-f-]+: 1 recent clip\(s\), 1 with new matches$/)]);
    const done = (await stack.api.get(DataSource).query(`SELECT retro_matched_at IS NOT NULL AS done, retro_claimed_by FROM registrations`)) as { done: boolean; retro_claimed_by: string | null }[];
    expect(done).toEqual([
      { done: true, retro_claimed_by: null },
      { done: true, retro_claimed_by: null },
    ]);
  });
});
