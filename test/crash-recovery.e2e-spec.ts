import { createWork, uploadEpisode } from './support/api-calls';
import { fixtures } from './support/fixtures';
import { slowFfmpeg } from './support/slow-ffmpeg';
import { TestStack } from './support/test-stack';
import { waitFor } from './support/wait-for';

describe('a worker killed with SIGKILL during fingerprinting', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await TestStack.start({}, {});
  });

  afterAll(() => stack?.stop());

  it('leaves its registration to another worker, which completes it within the lock and stalled-check time', async () => {
    const doomed = await stack.addWorkerProcess({ ffmpeg: { ...stack.config.ffmpeg, ffmpegPath: slowFfmpeg(30) } });
    const work = await createWork(stack);
    const upload = await uploadEpisode(stack, work.id, await fixtures.episode1(), 1);
    const read = async () => (await stack.http().get(`/registrations/${upload.body.id}`)).body;
    await waitFor(read, (r) => r.status === 'fingerprinting', 30_000);
    await doomed.kill();

    const killedAt = Date.now();
    await stack.addWorkerProcess();
    // The lock (30 s) and the stalled check (15 s) bound the takeover; a 10-minute lock would fail here.
    const settled = await waitFor(read, (r) => r.status === 'registered' || r.status === 'failed', 75_000);
    expect(settled).toMatchObject({ status: 'registered', failureReason: null });
    process.stdout.write(`registration taken over and completed ${((Date.now() - killedAt) / 1000).toFixed(1)} s after the kill\n`);
  }, 150_000);
});
