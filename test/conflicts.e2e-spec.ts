import { DataSource } from 'typeorm';
import { createWork, matchClip, registerEpisode, settledClip } from './support/api-calls';
import { fixtures } from './support/fixtures';
import { TestAccount, TestStack } from './support/test-stack';
import { waitFor } from './support/wait-for';

describe('registration conflicts and retro-matching', () => {
  let stack: TestStack;
  let copier: TestAccount;
  let bystander: TestAccount;
  let original: Record<string, any>;
  let held: Record<string, any>;
  let conflictId: string;
  let works: { holder: Record<string, any>; copier: Record<string, any> };

  beforeAll(async () => {
    stack = await TestStack.start({ retroMatchDays: 30 });
    copier = await stack.createAccount('rights_holder', 'Copycat Films');
    bystander = await stack.createAccount('rights_holder', 'Bystander Studio');
    works = {
      holder: await createWork(stack, { title: 'The Secret Bride', episodeCount: 5 }),
      copier: await createWork(stack, { title: 'Bride of Secrets' }, copier.http),
    };
    original = await registerEpisode(stack, works.holder.id, await fixtures.episode1(), 1);
  });

  afterAll(() => stack?.stop());

  it('holds an episode that copies another holder’s registered episode as a conflict, with the evidence', async () => {
    // All 15 s of episode 1: too long to be common content such as a platform sting (docs/FINGERPRINT.md, section 7).
    held = await registerEpisode(stack, works.copier.id, await fixtures.copy(), 1, copier.http);
    expect(held.status).toBe('conflict');
    const listed = await copier.http.get('/conflicts').expect(200);
    expect(listed.body.total).toBe(1);
    const conflict = listed.body.items[0];
    conflictId = conflict.id;
    expect(conflict).toMatchObject({ status: 'open', registration: { id: held.id, status: 'conflict', rightsHolderId: copier.id } });
    expect(conflict.evidence).toHaveLength(1);
    const [evidence] = conflict.evidence;
    expect(evidence.registration).toMatchObject({ id: original.id, number: original.number, rightsHolderId: stack.holder.id, rightsHolder: 'Golden Reel Studio' });
    expect(evidence.score).toBeGreaterThan(0.5);
    expect(Math.abs(evidence.segments[0].registeredStart - 0)).toBeLessThanOrEqual(1);
    expect(Math.abs(evidence.segments[0].newStart - 0)).toBeLessThanOrEqual(1);
    expect(evidence.segments[0].newEnd - evidence.segments[0].newStart).toBeGreaterThan(12);
  });

  it('never raises a conflict over the same holder’s own episodes (a recap)', async () => {
    const recap = await registerEpisode(stack, works.holder.id, await fixtures.recap(), 2);
    expect(recap.status).toBe('registered');
    const copy = await matchClip(stack, await fixtures.recap());
    expect(copy.matches.map((m: any) => m.registrationId)).toEqual(expect.arrayContaining([original.id, recap.id]));
  });

  it('shows the conflict to both holders and admins, and to nobody else', async () => {
    expect((await stack.http().get(`/conflicts/${conflictId}`)).status).toBe(200);
    expect((await copier.http.get(`/conflicts/${conflictId}`)).status).toBe(200);
    expect((await stack.admin.get('/conflicts?status=open')).body.total).toBe(1);
    expect((await bystander.http.get('/conflicts')).body.total).toBe(0);
    expect((await bystander.http.get(`/conflicts/${conflictId}`)).status).toBe(404);
    expect((await stack.reviewer.http.get('/conflicts')).status).toBe(403);
  });

  it('keeps a held episode out of matching until an admin registers it', async () => {
    const before = await matchClip(stack, await fixtures.excerpt());
    expect(before.matches.map((m: any) => m.registrationId)).not.toContain(held.id);
    expect((await stack.http().post(`/conflicts/${conflictId}/resolve`).send({ decision: 'register' })).status).toBe(403);

    const resolved = await stack.admin.post(`/conflicts/${conflictId}/resolve`).send({ decision: 'register', reason: 'licensed re-release, contract on file' }).expect(200);
    expect(resolved.body).toMatchObject({ status: 'registered', resolutionReason: 'licensed re-release, contract on file', registration: { status: 'registered' } });
    expect((await stack.admin.post(`/conflicts/${conflictId}/resolve`).send({ decision: 'register' })).status).toBe(200);
    expect((await stack.admin.post(`/conflicts/${conflictId}/resolve`).send({ decision: 'reject' })).body.error).toBe('conflict_already_resolved');

    const excerpt = await fixtures.excerpt();
    const after = await waitFor(
      () => matchClip(stack, excerpt),
      (c) => c.matches.some((m: any) => m.registrationId === held.id),
      30_000,
    );
    expect(after.matches.find((m: any) => m.registrationId === held.id)).toMatchObject({ rightsHolder: 'Copycat Films', verdict: 'case_opened' });
    const log = await stack.admin.get(`/audit?subjectType=conflict&subjectId=${conflictId}`).expect(200);
    expect(log.body.items.map((e: any) => [e.action, e.actorId])).toEqual([
      ['conflict.opened', null],
      ['conflict.resolved', expect.any(String)],
    ]);
  });

  it('matches clips received in the last RETRO_MATCH_DAYS against a newly registered episode, opening cases', async () => {
    const recent = await matchClip(stack, await fixtures.compilation());
    const old = await matchClip(stack, await fixtures.compilation());
    expect(recent).toMatchObject({ verdict: 'no_match', matches: [] });
    await stack.api.get(DataSource).query(`UPDATE clips SET received_at = now() - interval '31 days' WHERE id = $1`, [old.id]);

    const episode3 = await registerEpisode(stack, works.holder.id, await fixtures.episode3(), 3);
    expect(episode3.status).toBe('registered');
    const rematched = await waitFor(
      () => settledClip(stack, recent.id),
      (c) => c.matches.length > 0,
      30_000,
    );
    expect(rematched.verdict).toBe('case_opened');
    expect(rematched.matches).toHaveLength(1);
    expect(rematched.matches[0]).toMatchObject({ registrationId: episode3.id, episodeNumber: 3, verdict: 'case_opened', caseId: expect.any(String) });
    expect(Math.abs(rematched.matches[0].segments[0].clipStart - 5)).toBeLessThanOrEqual(1);
    const opened = await stack.reviewer.http.get(`/cases/${rematched.matches[0].caseId}`).expect(200);
    expect(opened.body).toMatchObject({ status: 'open', clip: { id: recent.id }, registrationId: episode3.id });

    await stack.http().get('/health').expect(200);
    expect((await settledClip(stack, old.id)).matches).toEqual([]);
  });
});
