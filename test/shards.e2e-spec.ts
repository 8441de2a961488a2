import { episodesOnTwoShards, matchClip } from './support/api-calls';
import { BuiltProcess } from './support/built-process';
import { fixtures } from './support/fixtures';
import { TestStack } from './support/test-stack';
import { waitFor } from './support/wait-for';

type Body = Record<string, any>;

/**
 * The registry split in two shards, each held and answered for by its own
 * worker process (WORKER_SHARDS), as on two machines: the compilation cuts
 * from an episode of each. Each shard tells the other the geometries it found
 * support for before either matches, and proposes its candidates before
 * either verifies.
 */
describe('a registry of two shards served by separate worker processes', () => {
  const TIMEOUT_MS = 8_000;
  let stack: TestStack;
  let shardZero: BuiltProcess;
  let shardOne: BuiltProcess;
  let first: Body;
  let second: Body;

  const servingOnly = (shard: number) => ({ shards: { ...stack.config.shards, serves: [shard] } });

  beforeAll(async () => {
    stack = await TestStack.start({ shards: { count: 2, serves: [0, 1], timeoutMs: TIMEOUT_MS, verifyThreads: 2 } }, { processes: 0 });
    shardZero = await stack.addWorkerProcess(servingOnly(0));
    shardOne = await stack.addWorkerProcess(servingOnly(1));
    ({ first, second } = await episodesOnTwoShards(stack));
  }, 180_000);

  afterAll(() => stack?.stop());

  it('reports a compilation whose episodes live on different shards, each found by its own shard', async () => {
    const clip = await matchClip(stack, await fixtures.compilation());
    expect(clip).toMatchObject({ status: 'done', shardCount: 2, shardsAnswered: [0, 1], failureReason: null });
    expect(clip.matches.map((m: Body) => m.registrationId).sort()).toEqual([first.id, second.id].sort());

    // The merge opened both cases at once, their audit entries appended in one statement, each chained to the one before.
    expect(clip.matches.map((m: Body) => m.verdict)).toEqual(['case_opened', 'case_opened']);
    const log = (await stack.admin.get('/audit?pageSize=100').expect(200)).body.items as Body[];
    const opened = log.filter((e) => e.action === 'case.opened' && e.after.clipId === clip.id);
    expect(opened.map((e) => e.after.registrationId).sort()).toEqual([first.id, second.id].sort());
    expect(opened[1].prevHash).toBe(opened[0].hash);
    expect((await stack.admin.get('/audit/verify').expect(200)).body).toMatchObject({ valid: true, brokenAt: null });

    // Each shard told its geometries first, and the last to tell started both stage ones before their wait ran out;
    // each proposed its candidates then, and the last to propose started both verifications. Two shards recording
    // at once both see the round complete, and each starts what the other has not started yet.
    const logs = shardZero.log + shardOne.log;
    const started = (round: string, next: string): number =>
      [...logs.matchAll(new RegExp(`clip ${clip.id}: every shard ${round}, (\\d) of 2 ${next} job\\(s\\) started before their wait ran out`, 'g'))].reduce((n, m) => n + Number(m[1]), 0);
    expect(started('told its geometries', 'match-shard')).toBe(2);
    expect(started('proposed its candidates', 'verify-shard')).toBe(2);
  }, 120_000);

  it('takes the answer of a shard that proposes no candidate as it proposes, with nothing left to verify', async () => {
    const clip = await matchClip(stack, await fixtures.unrelated());
    expect(clip).toMatchObject({ status: 'done', shardCount: 2, shardsAnswered: [0, 1], failureReason: null, matches: [] });

    // The merge can finish before the last to propose has started both verifications: wait for them to end.
    const verified = new RegExp(`"jobId":"verify-shard\\.${clip.id}\\.[^"]*"[^\\n]*"msg":"verify-shard completed`, 'g');
    const logs = await waitFor(
      async () => shardZero.log + shardOne.log,
      (l) => (l.match(verified) ?? []).length === 2,
      30_000,
    );
    // Both shards may count the round complete at once (each counts after its own commit) and each start one: together, both.
    const started = [...logs.matchAll(new RegExp(`clip ${clip.id}: every shard proposed its candidates, (\\d) of 2 verify-shard job\\(s\\) started before their wait ran out`, 'g'))];
    expect(started.reduce((n, m) => n + Number(m[1]), 0)).toBe(2);
    // Merged once both had answered, not at the shards' deadline.
    expect(logs).toMatch(new RegExp(`"jobId":"merge-clip\\.${clip.id}\\.[^"]*\\.answers"[^\\n]*"msg":"merge-clip completed`));
    // The merge can end before a verification starts; it must then see the clip done, not go looking for its frames.
    expect(logs).not.toMatch(new RegExp(`"jobId":"verify-shard\\.${clip.id}\\.[^"]*"[^\\n]*"msg":"verify-shard failed`));
    for (const shard of [0, 1]) {
      expect(logs).toMatch(new RegExp(`clip ${clip.id}, shard ${shard}: 0 candidate line\\(s\\) proposed in \\d+ ms; answered, nothing to verify`));
      // Its verification found the answer there and read nothing.
      expect(logs).not.toContain(`clip ${clip.id}, shard ${shard}: probe read`);
    }
  }, 120_000);

  it('ends a clip as incomplete, naming the shard killed during its match, and completes it when the shard is back', async () => {
    const res = await stack.reviewer.http.post('/clips').attach('file', await fixtures.compilation()).expect(201);
    await shardOne.kill();

    const read = async () => (await stack.reviewer.http.get(`/clips/${res.body.id}`)).body as Body;
    // If the killed process had taken the clip's decoding, another takes it over first (lock and stalled check, 45 s).
    const partial = await waitFor(read, (c) => ['done', 'incomplete', 'failed'].includes(c.status), 120_000);
    expect(partial).toMatchObject({ status: 'incomplete', shardCount: 2, shardsAnswered: [0], verdict: 'case_opened' });
    expect(partial.failureReason).toContain(`shard 1 did not answer within ${TIMEOUT_MS / 1000} s`);
    expect(partial.matches.map((m: Body) => m.registrationId)).toEqual([first.id]);

    shardOne = await stack.addWorkerProcess(servingOnly(1));
    const complete = await waitFor(read, (c) => c.status === 'done', 90_000);
    expect(complete).toMatchObject({ shardsAnswered: [0, 1], failureReason: null });
    expect(complete.matches.map((m: Body) => m.registrationId).sort()).toEqual([first.id, second.id].sort());
  }, 240_000);
});
