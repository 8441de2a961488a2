import { getQueueToken } from '@nestjs/bullmq';
import { RETRO_QUEUE } from '@dramaguard/queue';
import { Queue } from 'bullmq';
import { createWork, matchClip, settledClip, settledRegistration, uploadEpisode } from './support/api-calls';
import { fixtures } from './support/fixtures';
import { TestAccount, TestStack } from './support/test-stack';
import { waitFor } from './support/wait-for';

/**
 * Reference exclusions through HTTP (docs/FINGERPRINT.md, section 7): a rights
 * holder marks ranges of its own episode as not its own, and they are never
 * matched. The shared-content spec shows the same on the benchmark material.
 */
describe('reference exclusions', () => {
  let stack: TestStack;
  let otherHolder: TestAccount;
  let registration: Record<string, any>;
  let exclusion: Record<string, any>;
  const url = () => `/registrations/${registration.id}/exclusions`;

  beforeAll(async () => {
    // No worker yet: the episode stays queued while its first exclusion is recorded.
    stack = await TestStack.start({}, { processes: 0 });
    otherHolder = await stack.createAccount('rights_holder', 'Jade Pictures');
    const work = await createWork(stack, { episodeCount: 3 });
    const upload = await uploadEpisode(stack, work.id, await fixtures.episode1(), 1);
    expect(upload).toMatchObject({ code: 201, body: { status: 'queued', exclusions: [] } });
    registration = upload.body;
  });

  afterAll(() => stack?.stop());

  it('records an exclusion on an episode not fingerprinted yet, and shows it on the registration', async () => {
    const res = await stack.http().post(url()).send({ startSeconds: 3, endSeconds: 11, reason: '  licensed stock footage ' }).expect(201);
    exclusion = res.body;
    expect(exclusion).toEqual({
      id: expect.any(String),
      registrationId: registration.id,
      startSeconds: 3,
      endSeconds: 11,
      reason: 'licensed stock footage',
      createdBy: stack.holder.id,
      createdAt: expect.any(String),
    });
    expect((await stack.http().get(`/registrations/${registration.id}`).expect(200)).body.exclusions).toEqual([exclusion]);
    expect((await stack.reviewer.http.get(url()).expect(200)).body).toEqual([exclusion]);
  });

  it('applies it when the episode is indexed: a clip of the excluded range matches nothing, before or after registration', async () => {
    // The excerpt is episode 1 from 4 s to 10 s, inside the excluded 3-11 s. This copy
    // arrives before the episode is registered, so the retro-match meets it too.
    const early = await stack.reviewer.http.post('/clips').attach('file', await fixtures.excerpt()).expect(201);
    await stack.addWorkerProcess();
    expect((await settledRegistration(stack, registration.id)).status).toBe('registered');
    const retro = stack.api.get<Queue>(getQueueToken(RETRO_QUEUE));
    await waitFor(
      () => retro.getJobCounts('waiting', 'active', 'delayed', 'prioritized'),
      (c) => Object.values(c).every((n) => n === 0),
    );
    expect(await settledClip(stack, early.body.id)).toMatchObject({ status: 'done', verdict: 'no_match', matches: [] });
    const clip = await matchClip(stack, await fixtures.excerpt());
    expect(clip).toMatchObject({ status: 'done', verdict: 'no_match', matches: [] });
  });

  it('refuses impossible ranges and blank reasons with 422 invalid_exclusion, and malformed bodies with 400', async () => {
    const post = (body: object) => stack.http().post(url()).send(body);
    const refused = async (body: object, message: RegExp) => {
      const res = await post(body);
      expect({ status: res.status, error: res.body.error }).toEqual({ status: 422, error: 'invalid_exclusion' });
      expect(res.body.message).toMatch(message);
    };
    await refused({ startSeconds: -1, endSeconds: 2, reason: 'x' }, /startSeconds must be 0 or more/);
    await refused({ startSeconds: 4, endSeconds: 4, reason: 'x' }, /must be after startSeconds/);
    await refused({ startSeconds: 10, endSeconds: 16, reason: 'x' }, /beyond the end of the episode \(15 s\)/);
    await refused({ startSeconds: 0, endSeconds: 2, reason: '   ' }, /a reason is required/);
    expect((await post({ startSeconds: 10, endSeconds: 15.4, reason: 'end credits' })).status).toBe(201);
    for (const body of [{ startSeconds: 0, endSeconds: 2 }, { startSeconds: '0', endSeconds: 2, reason: 'x' }, { startSeconds: 0, endSeconds: 2, reason: 'x', extra: 1 }]) {
      const res = await post(body);
      expect({ status: res.status, error: res.body.error }).toEqual({ status: 400, error: 'bad_request' });
    }
    expect((await stack.http().get(url())).body.map((x: any) => [x.startSeconds, x.endSeconds])).toEqual([
      [3, 11],
      [10, 15.4],
    ]);
  });

  it('hides another holder’s episode (404) and lets only its holder and admins change exclusions', async () => {
    const body = { startSeconds: 0, endSeconds: 1, reason: 'not mine to say' };
    expect((await otherHolder.http.post(url()).send(body)).body).toMatchObject({ statusCode: 404, error: 'registration_not_found' });
    expect((await otherHolder.http.get(url())).status).toBe(404);
    expect((await otherHolder.http.delete(`${url()}/${exclusion.id}`)).status).toBe(404);
    expect((await stack.reviewer.http.post(url()).send(body)).status).toBe(403);
    expect((await stack.reviewer.http.delete(`${url()}/${exclusion.id}`)).status).toBe(403);
    const nope = '00000000-0000-4000-8000-000000000000';
    expect((await stack.http().delete(`${url()}/${nope}`)).body).toMatchObject({ statusCode: 404, error: 'exclusion_not_found' });
    expect((await stack.http().get(`/registrations/${nope}/exclusions`)).body.error).toBe('registration_not_found');
  });

  it('matches the range again once the exclusion is removed, and audits every change with before and after', async () => {
    const removed = await stack.http().delete(`${url()}/${exclusion.id}`).expect(200);
    expect(removed.body).toEqual(exclusion);
    expect((await stack.http().get(url())).body.map((x: any) => x.id)).not.toContain(exclusion.id);
    const clip = await matchClip(stack, await fixtures.excerpt());
    expect(clip.matches.map((m: any) => m.registrationId)).toEqual([registration.id]);

    const log = await stack.admin.get(`/audit?subjectType=registration&subjectId=${registration.id}`).expect(200);
    // The registration's own entry falls wherever fingerprinting ended among the holder's changes.
    expect(log.body.items.filter((e: any) => e.action === 'registration.registered').map((e: any) => e.after.number)).toEqual([registration.number]);
    const changes = log.body.items.filter((e: any) => e.action !== 'registration.registered');
    expect(changes.map((e: any) => [e.action, e.actorId, e.before, e.after])).toEqual([
      ['registration.exclusion_added', stack.holder.id, null, { exclusionId: exclusion.id, startSeconds: 3, endSeconds: 11, reason: 'licensed stock footage' }],
      ['registration.exclusion_added', stack.holder.id, null, expect.objectContaining({ startSeconds: 10, endSeconds: 15.4, reason: 'end credits' })],
      ['registration.exclusion_removed', stack.holder.id, { exclusionId: exclusion.id, startSeconds: 3, endSeconds: 11, reason: 'licensed stock footage' }, null],
    ]);
  });
});
