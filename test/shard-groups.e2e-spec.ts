import { createWork, matchClip, registerEpisode } from './support/api-calls';
import { BuiltProcess } from './support/built-process';
import { fixtures } from './support/fixtures';
import { TestStack } from './support/test-stack';
import { waitFor } from './support/wait-for';

type Body = Record<string, any>;

/**
 * Four shards served by two worker processes, two shards each, as on two
 * machines of two cores: each process holds one index of its two shards and
 * answers for both in the jobs of the lower (shardsAnsweredBy). The
 * compilation's episodes live on the higher shard of each process, so they
 * are found only through the answer the lower gives for both.
 */
describe('four shards served by two worker processes, two shards each', () => {
  const TIMEOUT_MS = 8_000;
  let stack: TestStack;
  let low: BuiltProcess;
  let high: BuiltProcess;
  let first: Body;
  let second: Body;
  let original: Body;

  const serving = (shards: number[]) => ({ shards: { ...stack.config.shards, serves: shards } });

  beforeAll(async () => {
    stack = await TestStack.start({ shards: { count: 4, serves: [0, 1, 2, 3], timeoutMs: TIMEOUT_MS, verifyThreads: 1 } }, { processes: 0 });
    low = await stack.addWorkerProcess(serving([0, 1]));
    high = await stack.addWorkerProcess(serving([2, 3]));
    const works: Body[] = [];
    for (const title of ['Zero', 'One', 'Two', 'Three']) works.push(await createWork(stack, { title }));
    expect(works.map((w) => w.shard)).toEqual([0, 1, 2, 3]);
    first = await registerEpisode(stack, works[1].id, await fixtures.episode2(), 1);
    second = await registerEpisode(stack, works[3].id, await fixtures.episode3(), 1);
    original = await registerEpisode(stack, works[3].id, await fixtures.episode1(), 2);
    expect([first.status, second.status, original.status]).toEqual(['registered', 'registered', 'registered']);
    // A shard proposes from its index as last synced (the merge matches what was registered after); the tests read
    // which process proposed what, so each must hold its episodes first: its timer brings them in within a second.
    await Promise.all([low.waitForOutput('(1 in the index)'), high.waitForOutput('(2 in the index)')]);
  }, 180_000);

  afterAll(() => stack?.stop());

  it('reports a compilation whose episodes live on both processes, each process answering for its two shards once', async () => {
    const clip = await matchClip(stack, await fixtures.compilation());
    expect(clip).toMatchObject({ status: 'done', shardCount: 4, shardsAnswered: [0, 1, 2, 3], failureReason: null });
    expect(clip.matches.map((m: Body) => m.registrationId).sort()).toEqual([first.id, second.id].sort());

    // The lower shard of each process matched for both; the higher's jobs did nothing of their own.
    for (const [log, lower, higher] of [[low.log, 0, 1], [high.log, 2, 3]] as const) {
      expect(log).toMatch(new RegExp(`clip ${clip.id}, shard ${lower}: probe read in \\d+ ms, matched in \\d+ ms [^\\n]*, 1 episode\\(s\\) found[^\\n]* \\(answering for shards ${lower}, ${higher}\\)`));
      expect(log).not.toContain(`clip ${clip.id}, shard ${higher}:`);
    }
  }, 120_000);

  it("starts the verifications at once when one process proposes lines and the other none, answering for both of its shards as it proposes", async () => {
    const clip = await matchClip(stack, await fixtures.excerpt());
    expect(clip).toMatchObject({ status: 'done', shardsAnswered: [0, 1, 2, 3], failureReason: null });
    expect(clip.matches.map((m: Body) => m.registrationId)).toEqual([original.id]);

    expect(low.log).toMatch(new RegExp(`clip ${clip.id}, shard 0: 0 candidate line\\(s\\) proposed in \\d+ ms; answered, nothing to verify[^\\n]* \\(answering for shards 0, 1\\)`));
    expect(high.log).toMatch(new RegExp(`clip ${clip.id}, shard 2: [1-9]\\d* candidate line\\(s\\) proposed`));
    // Whichever process recorded last saw all four shards' proposals, not its wait running out (half the deadline).
    const started = [...(low.log + high.log).matchAll(new RegExp(`clip ${clip.id}: every shard proposed its candidates, (\\d) of 4 verify-shard job\\(s\\) started`, 'g'))];
    expect(started.reduce((n, m) => n + Number(m[1]), 0)).toBe(4);
  }, 120_000);

  it("holds another holder's copy of a higher shard's episode as a conflict, found in the lower shard's answer for both", async () => {
    const copier = await stack.createAccount('rights_holder', 'Copycat Films');
    const work = await createWork(stack, { title: 'Copied' }, copier.http);
    const held = await registerEpisode(stack, work.id, await fixtures.copy(), 1, copier.http);
    expect(held.status).toBe('conflict');
    const [conflict] = (await copier.http.get('/conflicts').expect(200)).body.items as Body[];
    expect(conflict.evidence.map((e: Body) => e.registration.id)).toEqual([original.id]);
  }, 120_000);

  it('ends a clip as incomplete, naming both shards of the killed process, and completes it when the process is back', async () => {
    const res = await stack.reviewer.http.post('/clips').attach('file', await fixtures.compilation()).expect(201);
    await high.kill();

    const read = async () => (await stack.reviewer.http.get(`/clips/${res.body.id}`)).body as Body;
    const partial = await waitFor(read, (c) => ['done', 'incomplete', 'failed'].includes(c.status), 120_000);
    expect(partial).toMatchObject({ status: 'incomplete', shardCount: 4, shardsAnswered: [0, 1] });
    expect(partial.failureReason).toContain(`shards 2, 3 did not answer within ${TIMEOUT_MS / 1000} s`);
    expect(partial.matches.map((m: Body) => m.registrationId)).toEqual([first.id]);

    high = await stack.addWorkerProcess(serving([2, 3]));
    const complete = await waitFor(read, (c) => c.status === 'done', 90_000);
    expect(complete).toMatchObject({ shardsAnswered: [0, 1, 2, 3], failureReason: null });
    expect(complete.matches.map((m: Body) => m.registrationId).sort()).toEqual([first.id, second.id].sort());
  }, 240_000);
});
