import { canonicalJson } from '@dramaguard/records';
import { queueConnection } from '@dramaguard/queue';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createWork, matchClip, registerEpisode } from './support/api-calls';
import { fixtures } from './support/fixtures';
import { HttpClient } from './support/http-client';
import { TestAccount, TestStack } from './support/test-stack';
import { waitFor } from './support/wait-for';

/** The rights holder's answer window: seconds, so a release by the deadline shows within the spec. */
const ANSWER_SECONDS = 8;

describe('policies per work, takedown notices and disputes with deadlines', () => {
  let stack: TestStack;
  let licensee: TestAccount;
  let otherHolder: TestAccount;
  let work: Record<string, any>;
  let registration: Record<string, any>;
  const policy: Record<string, any> = {};
  const recorded: Record<string, any> = {};

  const bytes = async (req: ReturnType<HttpClient['get']>): Promise<Buffer> =>
    (await req.buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    })).body as Buffer;
  const history = async (caseId: string): Promise<string[]> => (await stack.reviewer.http.get(`/cases/${caseId}`).expect(200)).body.history.map((e: any) => e.action);
  const caseOf = async (caseId: string): Promise<Record<string, any>> => (await stack.reviewer.http.get(`/cases/${caseId}`).expect(200)).body;

  beforeAll(async () => {
    stack = await TestStack.start({ disputes: { answerDays: ANSWER_SECONDS / 86_400 }, reconcileIntervalMs: 1_000 });
    licensee = await stack.createAccount('licensee', 'Moonlight Media', [{ platform: 'douyin', handle: '@moonlight-dramas' }]);
    otherHolder = await stack.createAccount('rights_holder', 'Jade Pictures');
    work = await createWork(stack, { title: 'The Secret Bride', episodeCount: 3 });
    registration = await registerEpisode(stack, work.id, await fixtures.episode1(), 1);
    await stack
      .http()
      .post('/licences')
      .send({ workId: work.id, licenseeId: licensee.id, territories: ['SG'], platforms: ['douyin'], startsOn: '2026-01-01', endsOn: '2026-12-31', exclusive: false })
      .expect(201);
  });

  afterAll(() => stack?.stop());

  describe('setting policies', () => {
    it('lets the owner set policies by territory and platform, replacing the one already there, each change audited', async () => {
      policy.any = (await stack.http().post(`/works/${work.id}/policies`).send({ action: 'review' }).expect(201)).body;
      const replaced = (await stack.http().post(`/works/${work.id}/policies`).send({ action: 'track', territory: '*', platform: '*' }).expect(201)).body;
      expect(replaced).toMatchObject({ id: policy.any.id, action: 'track', territory: '*', platform: '*', takedownMinScore: null });
      policy.any = replaced;
      policy.douyin = (await stack.http().post(`/works/${work.id}/policies`).send({ action: 'takedown', platform: 'Douyin', takedownMinScore: 0.5 }).expect(201)).body;
      policy.sgKuaishou = (await stack.http().post(`/works/${work.id}/policies`).send({ action: 'review', territory: 'sg', platform: 'kuaishou' }).expect(201)).body;
      policy.bilibili = (await stack.http().post(`/works/${work.id}/policies`).send({ action: 'takedown', platform: 'bilibili', takedownMinScore: 1 }).expect(201)).body;
      expect(policy.douyin).toMatchObject({ platform: 'douyin', territory: '*', action: 'takedown', takedownMinScore: 0.5 });
      expect(policy.sgKuaishou).toMatchObject({ territory: 'SG', platform: 'kuaishou' });

      const listed = (await stack.reviewer.http.get(`/works/${work.id}/policies`).expect(200)).body;
      expect(listed).toHaveLength(4);
      const audit = (await stack.admin.get(`/audit?subjectType=work&subjectId=${work.id}`).expect(200)).body.items.filter((e: any) => e.action === 'policy.set');
      expect(audit).toHaveLength(5);
      expect(audit.find((e: any) => e.after.action === 'track')).toMatchObject({ actorId: stack.holder.id, before: { action: 'review' }, after: { action: 'track', policyId: policy.any.id } });
    });

    it('refuses invalid policies with 422 and hides another holder’s work', async () => {
      const noThreshold = await stack.http().post(`/works/${work.id}/policies`).send({ action: 'takedown', platform: 'youtube' });
      expect(noThreshold.status).toBe(422);
      expect(noThreshold.body).toMatchObject({ error: 'invalid_policy', message: expect.stringContaining('takedownMinScore') });
      const badTerritory = await stack.http().post(`/works/${work.id}/policies`).send({ action: 'track', territory: 'SGP' });
      expect(badTerritory.status).toBe(422);
      expect((await otherHolder.http.post(`/works/${work.id}/policies`).send({ action: 'track' })).status).toBe(404);
      expect((await otherHolder.http.get(`/works/${work.id}/policies`)).status).toBe(404);
      expect((await licensee.http.get(`/works/${work.id}/policies`)).status).toBe(403);
    });

    it('removes a policy, and a removed one is gone', async () => {
      const extra = (await stack.http().post(`/works/${work.id}/policies`).send({ action: 'review', territory: 'MY', platform: 'kuaishou' }).expect(201)).body;
      await stack.http().delete(`/works/${work.id}/policies/${extra.id}`).expect(200);
      expect((await stack.http().delete(`/works/${work.id}/policies/${extra.id}`)).status).toBe(404);
      expect((await stack.http().get(`/works/${work.id}/policies`).expect(200)).body.map((p: any) => p.id)).not.toContain(extra.id);
    });
  });

  describe('what a match does under each policy', () => {
    it('track: records the match with its policy and opens no case', async () => {
      const clip = await matchClip(stack, await fixtures.excerpt(), { platform: 'youtube', uploaderAccount: '@fan', territory: 'US' });
      recorded.trackedClipId = clip.id;
      expect(clip.verdict).toBe('tracked');
      expect(clip.matches).toHaveLength(1);
      expect(clip.matches[0]).toMatchObject({ verdict: 'tracked', caseId: null, policy: { policyId: policy.any.id, action: 'track', territory: '*', platform: '*' } });
      expect((await stack.reviewer.http.get(`/cases?workId=${work.id}`).expect(200)).body.total).toBe(0);
    });

    it('review: opens a case for a reviewer, recording the most specific policy on the match and the case', async () => {
      const clip = await matchClip(stack, await fixtures.excerpt(), { platform: 'kuaishou', uploaderAccount: '@reposter', territory: 'SG' });
      expect(clip.matches[0]).toMatchObject({ verdict: 'case_opened', policy: { policyId: policy.sgKuaishou.id, action: 'review' } });
      const c = await caseOf(clip.matches[0].caseId);
      expect(c).toMatchObject({ status: 'open', policy: { policyId: policy.sgKuaishou.id, action: 'review', territory: 'SG', platform: 'kuaishou' } });
      expect((await stack.http().get(`/cases/${c.id}/notice`)).status).toBe(409);
    });

    it('takedown below the holder’s threshold: the case is reviewed, under the takedown policy', async () => {
      const clip = await matchClip(stack, await fixtures.excerpt(), { platform: 'bilibili', uploaderAccount: '@up', territory: 'CN' });
      expect(clip.matches[0].score).toBeLessThan(1);
      const c = await caseOf(clip.matches[0].caseId);
      expect(c).toMatchObject({ status: 'open', decidedAt: null, policy: { policyId: policy.bilibili.id, action: 'takedown', takedownMinScore: 1 } });
      recorded.bilibiliCaseId = c.id;
    });

    it('takedown: never for a licensed use, whatever the policy', async () => {
      const clip = await matchClip(stack, await fixtures.excerpt(), { platform: 'douyin', uploaderAccount: '@moonlight-dramas', territory: 'SG', usedOn: '2026-03-01' });
      expect(clip.verdict).toBe('licensed');
      expect(clip.matches[0]).toMatchObject({ verdict: 'licensed', caseId: null, policy: { policyId: policy.douyin.id, action: 'takedown' } });
    });
  });

  describe('a policy changed later', () => {
    it('leaves the policy recorded on earlier matches and cases as it was', async () => {
      const changed = await stack.http().post(`/works/${work.id}/policies`).send({ action: 'takedown', platform: 'bilibili', takedownMinScore: 0.5 }).expect(201);
      expect(changed.body).toMatchObject({ id: policy.bilibili.id, takedownMinScore: 0.5 });
      await stack.http().post(`/works/${work.id}/policies`).send({ action: 'review' }).expect(201);
      expect((await caseOf(recorded.bilibiliCaseId)).policy).toMatchObject({ policyId: policy.bilibili.id, takedownMinScore: 1 });
      const tracked = (await stack.reviewer.http.get(`/clips/${recorded.trackedClipId}`).expect(200)).body;
      expect(tracked.matches[0]).toMatchObject({ verdict: 'tracked', policy: { action: 'track' } });
      await stack.http().post(`/works/${work.id}/policies`).send({ action: 'track' }).expect(201);
    });
  });

  describe('takedown notice, dispute upheld and appealed', () => {
    let caseId: string;
    let notice: Record<string, any>;
    let disputeId: string;

    it('confirms the case at once from the threshold up, by the service, with the policy and reason in its history', async () => {
      const clip = await matchClip(stack, await fixtures.excerpt(), { platform: 'douyin', uploaderAccount: '@pirate-shorts', territory: 'MY', usedOn: '2026-03-02' });
      expect(clip.matches[0]).toMatchObject({ verdict: 'case_opened', policy: { policyId: policy.douyin.id, action: 'takedown', takedownMinScore: 0.5 } });
      caseId = clip.matches[0].caseId;
      const c = await caseOf(caseId);
      expect(c).toMatchObject({ status: 'confirmed', assigneeId: null, decisionReason: expect.stringContaining('takedown policy'), policy: { action: 'takedown' } });
      expect(c.history.map((e: any) => [e.action, e.actorId])).toEqual([
        ['case.opened', null],
        ['case.confirmed', null],
      ]);
    });

    it('issues a signed notice addressed to the platform, with evidence, certificate and dispute token, that openssl verifies offline', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'dg-notice-'));
      const json = await bytes(stack.reviewer.http.get(`/cases/${caseId}/notice`).expect(200).expect('content-type', /application\/json/));
      notice = JSON.parse(json.toString('utf8'));
      expect(json.toString('utf8')).toBe(canonicalJson(notice));
      expect(notice).toMatchObject({
        type: 'dramaguard.takedown-notice',
        to: { platform: 'douyin', uploaderAccount: '@pirate-shorts', territory: 'MY', usedOn: '2026-03-02' },
        from: { id: stack.holder.id, name: 'Golden Reel Studio' },
        case: { id: caseId, policy: { policyId: policy.douyin.id, action: 'takedown' } },
        registration: { number: registration.number, certificate: { registrationNumber: registration.number } },
        reports: { json: `/cases/${caseId}/report`, html: `/cases/${caseId}/report.html`, pdf: `/cases/${caseId}/report.pdf` },
        dispute: { caseId, token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/), answerDays: ANSWER_SECONDS / 86_400 },
      });
      expect(notice.segments.length).toBeGreaterThan(0);
      expect(notice.segments[0].image).toMatchObject({ url: expect.stringContaining(`/cases/${caseId}/evidence/`), sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });

      const sig = (await stack.http().get(`/cases/${caseId}/notice.sig`).expect(200)).text;
      writeFileSync(join(dir, 'signing.pem'), (await stack.anonymous().get('/keys/signing').expect(200)).text);
      writeFileSync(join(dir, 'notice.json'), json);
      writeFileSync(join(dir, 'notice.sig'), Buffer.from(sig, 'base64'));
      const verify = (file: string, sigFile: string): string =>
        execFileSync('openssl', ['pkeyutl', '-verify', '-pubin', '-inkey', 'signing.pem', '-rawin', '-in', file, '-sigfile', sigFile], { cwd: dir, encoding: 'utf8' });
      expect(verify('notice.json', 'notice.sig')).toContain('Signature Verified Successfully');

      // The certificate inside verifies on its own, and is the one the report's digest names.
      const cert = Buffer.from(canonicalJson(notice.registration.certificate), 'utf8');
      writeFileSync(join(dir, 'cert.json'), cert);
      writeFileSync(join(dir, 'cert.sig'), Buffer.from(notice.registration.certificateSignature, 'base64'));
      expect(verify('cert.json', 'cert.sig')).toContain('Signature Verified Successfully');
      expect(createHash('sha256').update(cert).digest('hex')).toBe(notice.registration.certificateSha256);

      // One changed byte and openssl refuses.
      writeFileSync(join(dir, 'notice.json'), Buffer.from(json.toString('utf8').replace('@pirate-shorts', '@pirate-shortz'), 'utf8'));
      expect(() => verify('notice.json', 'notice.sig')).toThrow();

      expect((await otherHolder.http.get(`/cases/${caseId}/notice`)).status).toBe(404);
      expect((await licensee.http.get(`/cases/${caseId}/notice`)).status).toBe(403);
    });

    it('takes a dispute with the notice’s token, without an account, once; a wrong token is refused', async () => {
      const wrong = await stack.anonymous().post('/disputes').send({ caseId, token: notice.dispute.token.replace(/^./, (c: string) => (c === 'A' ? 'B' : 'A')), reason: 'mine' });
      expect(wrong.status).toBe(403);
      expect(wrong.body.error).toBe('invalid_dispute_token');
      const opened = await stack.anonymous().post('/disputes').send({ caseId, token: notice.dispute.token, reason: 'this is my own fan edit' }).expect(201);
      disputeId = opened.body.id;
      expect(opened.body).toMatchObject({ caseId, status: 'open', channel: 'token', disputantId: null, reason: 'this is my own fan edit' });
      expect(new Date(opened.body.answerDueAt).getTime() - new Date(opened.body.openedAt).getTime()).toBe(ANSWER_SECONDS * 1000);
      const again = await stack.anonymous().post('/disputes').send({ caseId, token: notice.dispute.token, reason: 'again' });
      expect(again.status).toBe(409);
      expect(again.body.error).toBe('dispute_exists');
    });

    it('shows the dispute with its deadline in the holder’s and reviewers’ queues, not to another holder', async () => {
      const mine = (await stack.http().get('/disputes?status=open').expect(200)).body;
      expect(mine.items.map((d: any) => [d.id, d.answerDueAt])).toContainEqual([disputeId, expect.any(String)]);
      expect((await stack.reviewer.http.get(`/disputes/${disputeId}`).expect(200)).body.status).toBe('open');
      expect((await otherHolder.http.get('/disputes').expect(200)).body.total).toBe(0);
      expect((await otherHolder.http.get(`/disputes/${disputeId}`)).status).toBe(404);
      expect((await otherHolder.http.post(`/disputes/${disputeId}/uphold`).send({ reason: 'x' })).status).toBe(404);
    });

    it('lets the holder uphold it; an upheld dispute is appealed once, to an admin, who upholds the case for good', async () => {
      const upheld = await stack.http().post(`/disputes/${disputeId}/uphold`).send({ reason: 'the clip is the full scene, not an edit' }).expect(200);
      expect(upheld.body).toMatchObject({ status: 'upheld', answerReason: 'the clip is the full scene, not an edit', answeredAt: expect.any(String) });
      expect((await stack.http().post(`/disputes/${disputeId}/release`).send({ reason: 'changed my mind' })).body.error).toBe('dispute_not_open');
      expect((await stack.anonymous().post(`/disputes/${disputeId}/appeal`).send({ token: 'not-the-token', reason: 'please' })).status).toBe(403);
      const appealed = await stack.anonymous().post(`/disputes/${disputeId}/appeal`).send({ token: notice.dispute.token, reason: 'the scene is 20 s of a 60 s review' }).expect(200);
      expect(appealed.body).toMatchObject({ status: 'appealed', appealReason: 'the scene is 20 s of a 60 s review' });
      const twice = await stack.anonymous().post(`/disputes/${disputeId}/appeal`).send({ token: notice.dispute.token, reason: 'again' });
      expect(twice.status).toBe(409);
      expect(twice.body.error).toBe('dispute_not_upheld');
      expect((await stack.http().post(`/disputes/${disputeId}/appeal-decision`).send({ decision: 'uphold', reason: 'x' })).status).toBe(403);
      const decided = await stack.admin.post(`/disputes/${disputeId}/appeal-decision`).send({ decision: 'uphold', reason: 'a full scene is not a review' }).expect(200);
      expect(decided.body).toMatchObject({ status: 'appeal_rejected', appealDecisionReason: 'a full scene is not a review' });
    });

    it('keeps the case confirmed past the deadline once answered, with every step in its history', async () => {
      await new Promise((resolve) => setTimeout(resolve, (ANSWER_SECONDS + 2) * 1000));
      const c = await caseOf(caseId);
      expect(c.status).toBe('confirmed');
      expect(c.history.map((e: any) => e.action)).toEqual(['case.opened', 'case.confirmed', 'case.disputed', 'case.dispute_upheld', 'case.appealed', 'case.appeal_rejected']);
      const admin = (await stack.admin.get('/accounts').expect(200)).body.find((a: any) => a.role === 'admin');
      expect(c.history.map((e: any) => e.actorId)).toEqual([null, null, null, stack.holder.id, null, admin.id]);
      expect((await stack.http().get(`/disputes/${disputeId}`).expect(200)).body.status).toBe('appeal_rejected');
    });
  });

  describe('a dispute nobody answers', () => {
    it('is released at its deadline by the delayed job, which PostgreSQL restores when Redis lost it', async () => {
      const clip = await matchClip(stack, await fixtures.excerpt(), { platform: 'douyin', uploaderAccount: '@moonlight-dramas', territory: 'SG', usedOn: '2027-02-01' });
      const caseId = clip.matches[0].caseId;
      expect((await caseOf(caseId)).status).toBe('confirmed');
      expect((await licensee.http.post(`/cases/${caseId}/dispute`).send({ reason: 'x' })).status).toBe(201);
      const other = await stack.createAccount('licensee', 'Harbour Streams');
      expect((await other.http.post(`/cases/${caseId}/dispute`).send({ reason: 'x' })).status).toBe(404);
      const dispute = (await stack.reviewer.http.get('/disputes?status=open').expect(200)).body.items.find((d: any) => d.caseId === caseId);
      expect(dispute).toMatchObject({ channel: 'licensee', disputantId: licensee.id });

      // Redis loses the delayed job: the reconciler enqueues it again from the dispute's row.
      const queue = new Queue('disputes', queueConnection(stack.config));
      expect(await queue.getJob(`dispute-deadline.${dispute.id}`)).toBeTruthy();
      await queue.obliterate({ force: true });
      expect(await queue.getJob(`dispute-deadline.${dispute.id}`)).toBeFalsy();
      await waitFor(async () => queue.getJob(`dispute-deadline.${dispute.id}`), (job) => Boolean(job));
      await queue.close();

      const released = await waitFor(() => caseOf(caseId), (c) => c.status === 'released', 60_000);
      const last = released.history[released.history.length - 1];
      expect(last).toMatchObject({ action: 'case.released', actorId: null, after: { status: 'released', disputeId: dispute.id, reason: expect.stringContaining('did not answer by') } });
      expect(await history(caseId)).toEqual(['case.opened', 'case.confirmed', 'case.disputed', 'case.released']);
      const settled = (await stack.http().get(`/disputes/${dispute.id}`).expect(200)).body;
      expect(settled).toMatchObject({ status: 'released', answeredAt: null });
      // Released by the deadline, not before it.
      expect(new Date(last.at).getTime()).toBeGreaterThanOrEqual(new Date(dispute.answerDueAt).getTime());
      expect((await stack.http().get(`/cases/${caseId}/notice`)).status).toBe(409);
      expect((await stack.http().post(`/disputes/${dispute.id}/uphold`).send({ reason: 'too late' })).body.error).toBe('dispute_not_open');
    });

    it('is released even when its deadline job failed for good: the reconciler replaces a failed job', async () => {
      const clip = await matchClip(stack, await fixtures.excerpt(), { platform: 'douyin', uploaderAccount: '@moonlight-dramas', territory: 'SG', usedOn: '2027-03-01' });
      const caseId = clip.matches[0].caseId;
      const dispute = (await licensee.http.post(`/cases/${caseId}/dispute`).send({ reason: 'x' }).expect(201)).body;
      const db = stack.api.get(DataSource);
      const queue = new Queue('disputes', queueConnection(stack.config));
      const jobId = `dispute-deadline.${dispute.id}`;

      // The job runs while the deadline is still an hour away (as if the worker's clock were off): every attempt fails.
      await db.query(`UPDATE disputes SET answer_due_at = now() + interval '1 hour' WHERE id = $1`, [dispute.id]);
      const triggeredAt = Date.now();
      await (await queue.getJob(jobId))!.changeDelay(0);
      const replaced = await waitFor(
        async () => {
          const job = await queue.getJob(jobId);
          return job && job.timestamp > triggeredAt ? { job, state: await job.getState() } : null;
        },
        (r) => r !== null,
      );
      expect(replaced!.state).toBe('delayed');
      expect(replaced!.job.attemptsMade).toBe(0);

      // The deadline passes: the replacement job releases the case.
      await db.query(`UPDATE disputes SET answer_due_at = now() WHERE id = $1`, [dispute.id]);
      await replaced!.job.promote();
      await queue.close();
      expect((await waitFor(() => caseOf(caseId), (c) => c.status === 'released')).history.map((e: any) => e.action)).toEqual([
        'case.opened',
        'case.confirmed',
        'case.disputed',
        'case.released',
      ]);
    });
  });
});
