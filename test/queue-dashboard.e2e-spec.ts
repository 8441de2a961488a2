import { createWork, uploadEpisode } from './support/api-calls';
import { fixtures } from './support/fixtures';
import { TEST_ADMIN_KEY } from './support/test-config';
import { TestStack } from './support/test-stack';

describe('the queue dashboard (bull-board) for admins', () => {
  let stack: TestStack;
  const basic = (password: string) => `Basic ${Buffer.from(`admin:${password}`).toString('base64')}`;

  beforeAll(async () => {
    // No worker: the upload's job stays waiting for the dashboard to show.
    stack = await TestStack.start({}, { processes: 0 });
  });

  afterAll(() => stack?.stop());

  it('asks a browser to sign in, and refuses every role but admin', async () => {
    const anonymous = await stack.anonymous().get('/admin/queues').expect(401);
    expect(anonymous.headers['www-authenticate']).toMatch(/^Basic realm="DramaGuard queues"/);
    expect(anonymous.body).toMatchObject({ statusCode: 401, error: 'unauthenticated' });
    await stack.anonymous().get('/admin/queues/api/queues').set('authorization', basic('dg_not-a-key-0123456789abcdefghijklmnopqrstuvw')).expect(401);
    await stack.http(stack.holder.key).get('/admin/queues').expect(403);
    await stack.http(stack.reviewer.key).get('/admin/queues/api/queues').expect(403);
  });

  it('shows an admin every queue and the jobs waiting in them', async () => {
    const work = await createWork(stack);
    const upload = await uploadEpisode(stack, work.id, await fixtures.episode1(), 1);
    expect(upload.code).toBe(201);

    const page = await stack.anonymous().get('/admin/queues').set('authorization', basic(TEST_ADMIN_KEY)).expect(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.text).toContain('src="static/js/main.');
    await stack.anonymous().get(`/admin/queues/${/src="(static\/js\/main\.[^"]+)"/.exec(page.text)![1]}`).set('authorization', basic(TEST_ADMIN_KEY)).expect(200);
    expect(page.headers['content-security-policy']).toBeUndefined();

    const queues = await stack.admin.get('/admin/queues/api/queues?activeQueue=episodes&status=waiting').expect(200);
    const names = (queues.body.queues as Array<{ name: string }>).map((q) => q.name).sort();
    expect(names).toEqual(['clips', 'disputes', 'episodes', 'merges', 'retro', 'shard-0']);
    const episodes = (queues.body.queues as Array<{ name: string; counts: Record<string, number>; jobs: Array<{ id: string }> }>).find((q) => q.name === 'episodes')!;
    expect(episodes.counts.waiting).toBe(1);
    expect(episodes.jobs.map((j) => j.id)).toEqual([`fingerprint-episode.${upload.body.id}`]);
  });
});
