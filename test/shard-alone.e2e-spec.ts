import { JobQueue } from '@dramaguard/queue';
import { episodesOnTwoShards, matchClip } from './support/api-calls';
import { BuiltProcess } from './support/built-process';
import { fixtures } from './support/fixtures';
import { TestStack } from './support/test-stack';

type Body = Record<string, any>;

/**
 * Two shards served by one worker process, as on one machine: its one index
 * holds every geometry and candidate of a clip, so it matches the clip whole
 * in the geometry job of its lower shard (answersEveryShard), with no round
 * recorded in between; having decoded the clip, it sent it to that shard
 * alone (MatchService.fanOut).
 */
describe('two shards served by one worker process', () => {
  let stack: TestStack;
  let worker: BuiltProcess;
  let first: Body;
  let second: Body;

  beforeAll(async () => {
    stack = await TestStack.start({ shards: { count: 2, serves: [0, 1], timeoutMs: 8_000, verifyThreads: 2 } }, { processes: 0 });
    worker = await stack.addWorkerProcess({ shards: { ...stack.config.shards, serves: [0, 1] } });
    ({ first, second } = await episodesOnTwoShards(stack));
  }, 180_000);

  afterAll(() => stack?.stop());

  it('reports a compilation whose episodes live on both shards from one search, with no rounds between', async () => {
    const clip = await matchClip(stack, await fixtures.compilation());
    expect(clip).toMatchObject({ status: 'done', shardCount: 2, shardsAnswered: [0, 1], failureReason: null });
    expect(clip.matches.map((m: Body) => m.registrationId).sort()).toEqual([first.id, second.id].sort());

    expect(worker.log).toMatch(new RegExp(`clip ${clip.id}, shard 0: probe read in \\d+ ms, matched in \\d+ ms [^\\n]*, 2 episode\\(s\\) found[^\\n]* \\(answering for shards 0, 1\\)`));
    expect(worker.log).not.toContain(`clip ${clip.id}: every shard told its geometries`);
    expect(worker.log).not.toMatch(new RegExp(`clip ${clip.id}, shard \\d: \\d+ candidate line\\(s\\) proposed`));

    // The worker that decoded the clip serves both shards, so it sent it to shard 0 alone, as one job: no geometry
    // job for shard 1 to take and do nothing with, no match or verify job queued to wait for rounds.
    const jobs = await Promise.all(stack.api.get(JobQueue).all().map((q) => q.getJobs(['waiting', 'delayed', 'active', 'completed', 'failed'])));
    const shardJobs = jobs.flat().filter((j) => j.id?.includes(clip.id) && j.name.endsWith('-shard'));
    expect(shardJobs.map((j) => `${j.name} ${(j.data as Body).shard}`)).toEqual(['geometry-shard 0']);
    // That job merged the answer itself: the only merge job is the deadline's, nothing was queued for the answers.
    const merges = jobs.flat().filter((j) => j.id?.includes(clip.id) && j.name === 'merge-clip');
    expect(merges.map((j) => (j.data as Body).trigger)).toEqual(['deadline']);
  }, 120_000);
});
