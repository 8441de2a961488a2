import { canonicalJson } from '@dramaguard/records';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createWork, matchClip, registerEpisode } from './support/api-calls';
import { fixtures } from './support/fixtures';
import { TestAccount, TestStack } from './support/test-stack';
import { waitFor } from './support/wait-for';

describe('rights workflow: keys, licences, verdicts, review cases, audit log, ownership queries', () => {
  let stack: TestStack;
  let licensee: TestAccount;
  let otherLicensee: TestAccount;
  let otherHolder: TestAccount;
  let secondReviewer: TestAccount;
  let work: Record<string, any>;
  const registered: Record<string, any>[] = [];
  let licence: Record<string, any>;
  const licensedUse = { platform: 'Douyin', uploaderAccount: '@moonlight-dramas', territory: 'SG', usedOn: '2026-03-01' };

  beforeAll(async () => {
    stack = await TestStack.start();
    licensee = await stack.createAccount('licensee', 'Moonlight Media', [{ platform: 'douyin', handle: '@moonlight-dramas' }]);
    otherLicensee = await stack.createAccount('licensee', 'Harbour Streams');
    otherHolder = await stack.createAccount('rights_holder', 'Jade Pictures');
    secondReviewer = await stack.createAccount('reviewer', 'Second Desk');
    work = await createWork(stack, { title: 'The Secret Bride', originalTitle: '秘密新娘', episodeCount: 3 });
    registered.push(await registerEpisode(stack, work.id, await fixtures.episode1(), 1));
    registered.push(await registerEpisode(stack, work.id, await fixtures.episode2(), 2));
  });

  afterAll(() => stack?.stop());

  describe('accounts and keys', () => {
    it('shows a key once, lists only its prefix, accepts it as bearer or x-api-key, and refuses it once revoked', async () => {
      const issued = await stack.admin.post(`/accounts/${licensee.id}/keys`).send({ label: 'script' }).expect(201);
      expect(issued.body.key).toMatch(/^dg_[A-Za-z0-9_-]{43}$/);
      const keys = await stack.admin.get(`/accounts/${licensee.id}/keys`).expect(200);
      expect(keys.body).toHaveLength(2);
      expect(JSON.stringify(keys.body)).not.toContain(issued.body.key);
      expect(keys.body.map((k: any) => k.prefix)).toContain(issued.body.key.slice(0, 10));

      await stack.http(issued.body.key).get('/accounts/me').expect(200);
      const viaHeader = await stack.anonymous().get('/accounts/me').set('x-api-key', issued.body.key).expect(200);
      expect(viaHeader.body).toMatchObject({ id: licensee.id, role: 'licensee', platformAccounts: [{ platform: 'douyin', handle: '@moonlight-dramas' }] });

      await stack.admin.delete(`/accounts/${licensee.id}/keys/${issued.body.id}`).expect(200);
      const refused = await stack.http(issued.body.key).get('/accounts/me');
      expect(refused.status).toBe(401);
      expect(refused.body).toMatchObject({ error: 'invalid_api_key' });
      await licensee.http.get('/accounts/me').expect(200);
    });

    it('gives a platform account to one licensee only', async () => {
      const taken = await stack.admin.post(`/accounts/${otherLicensee.id}/platform-accounts`).send({ platform: 'DOUYIN', handle: '@moonlight-dramas' });
      expect(taken.status).toBe(409);
      expect(taken.body.error).toBe('platform_account_taken');
    });
  });

  describe('licences', () => {
    it('lets the rights holder grant a licence on its work', async () => {
      const res = await stack
        .http()
        .post('/licences')
        .send({ workId: work.id, licenseeId: licensee.id, firstEpisode: 1, lastEpisode: 1, territories: ['SG'], platforms: ['douyin'], startsOn: '2026-01-01', endsOn: '2026-12-31', exclusive: true })
        .expect(201);
      licence = res.body;
      expect(licence).toMatchObject({ workTitle: 'The Secret Bride', licenseeName: 'Moonlight Media', firstEpisode: 1, lastEpisode: 1, exclusive: true });
    });

    it('refuses a licence overlapping an exclusive one, saying which and where', async () => {
      const res = await stack
        .http()
        .post('/licences')
        .send({ workId: work.id, licenseeId: otherLicensee.id, territories: ['SG', 'MY'], platforms: ['douyin', 'kuaishou'], startsOn: '2026-06-01', endsOn: '2027-05-31', exclusive: false });
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ error: 'licence_overlap', conflictingLicenceId: licence.id });
      expect(res.body.message).toContain(`an exclusive licence (${licence.id}, to Moonlight Media) already covers episode 1, SG, douyin, from 2026-06-01 to 2026-12-31`);
      const disjoint = await stack
        .http()
        .post('/licences')
        .send({ workId: work.id, licenseeId: otherLicensee.id, territories: ['MY'], platforms: ['douyin'], startsOn: '2026-06-01', endsOn: '2027-05-31', exclusive: false });
      expect(disjoint.status).toBe(201);
    });

    it('lets only the owner license a work, and shows each licensee its own licences', async () => {
      const foreign = await otherHolder.http
        .post('/licences')
        .send({ workId: work.id, licenseeId: otherLicensee.id, territories: ['*'], platforms: ['*'], startsOn: '2030-01-01', endsOn: '2030-12-31', exclusive: false });
      expect(foreign.status).toBe(404);
      const mine = await licensee.http.get('/licences').expect(200);
      expect(mine.body.items.map((l: any) => l.id)).toEqual([licence.id]);
      expect((await otherLicensee.http.get(`/licences/${licence.id}`)).status).toBe(404);
      expect((await stack.http().get('/licences')).body.total).toBe(2);
      expect((await otherHolder.http.get('/licences')).body.total).toBe(0);
    });
  });

  describe('verdicts and review cases', () => {
    let cases: Record<string, any>[];

    it('gives a clip from a licensed uploader the verdict licensed and opens no case', async () => {
      const clip = await matchClip(stack, await fixtures.excerpt(), licensedUse);
      expect(clip).toMatchObject({ status: 'done', verdict: 'licensed', platform: 'douyin', uploaderAccount: '@moonlight-dramas', territory: 'SG' });
      expect(clip.matches).toHaveLength(1);
      expect(clip.matches[0]).toMatchObject({ registrationId: registered[0].id, verdict: 'licensed', licenceId: licence.id, caseId: null });
    });

    it('opens a case when the same use falls outside the licence, and one per unlicensed match', async () => {
      const late = await matchClip(stack, await fixtures.excerpt(), { ...licensedUse, usedOn: '2027-03-01' });
      expect(late.verdict).toBe('case_opened');
      expect(late.matches[0]).toMatchObject({ verdict: 'case_opened', licenceId: null, caseId: expect.any(String) });
      const compilation = await matchClip(stack, await fixtures.compilation());
      expect(compilation.matches.map((m: any) => [m.episodeNumber, m.verdict])).toEqual([[2, 'case_opened']]);
      const listed = await stack.reviewer.http.get('/cases?status=open').expect(200);
      cases = listed.body.items;
      expect(cases.map((c) => c.id).sort()).toEqual([late.matches[0].caseId, compilation.matches[0].caseId].sort());
      expect(cases[0]).toMatchObject({ workId: work.id, rightsHolderId: stack.holder.id, rightsHolder: 'Golden Reel Studio', registrationNumber: registered[0].number });
    });

    it('filters cases by status, work and rights holder, a page at a time', async () => {
      const page = await stack.reviewer.http.get(`/cases?workId=${work.id}&pageSize=1&page=2`).expect(200);
      expect(page.body).toMatchObject({ total: 2, page: 2, pageSize: 1, items: [{ id: cases[1].id }] });
      expect((await stack.reviewer.http.get(`/cases?rightsHolderId=${otherHolder.id}`)).body.total).toBe(0);
      expect((await stack.reviewer.http.get(`/cases?rightsHolderId=${stack.holder.id}&status=open`)).body.total).toBe(2);
      expect((await stack.reviewer.http.get('/cases?status=confirmed')).body.total).toBe(0);
    });

    it('lets a reviewer claim, annotate and dismiss a case with a reason, and nobody else decide it', async () => {
      const id = cases[0].id;
      const claimed = await stack.reviewer.http.post(`/cases/${id}/claim`).expect(200);
      expect(claimed.body).toMatchObject({ status: 'claimed', assigneeId: stack.reviewer.id });
      expect((await secondReviewer.http.post(`/cases/${id}/claim`)).body).toMatchObject({ statusCode: 409, error: 'case_not_open' });
      expect((await secondReviewer.http.post(`/cases/${id}/confirm`).send({})).body).toMatchObject({ statusCode: 403, error: 'forbidden' });
      await stack.reviewer.http.post(`/cases/${id}/notes`).send({ text: 'uploader warned on 2026-03-02' }).expect(201);
      expect((await stack.reviewer.http.post(`/cases/${id}/dismiss`).send({})).status).toBe(400);
      const dismissed = await stack.reviewer.http.post(`/cases/${id}/dismiss`).send({ reason: 'fan review under 10 s' }).expect(200);
      expect(dismissed.body).toMatchObject({ status: 'dismissed', decisionReason: 'fan review under 10 s', notes: [{ text: 'uploader warned on 2026-03-02' }] });
      expect((await stack.reviewer.http.post(`/cases/${id}/confirm`).send({})).body.error).toBe('case_not_claimed');
      expect(dismissed.body.history.map((h: any) => [h.action, h.actorId])).toEqual([
        ['case.opened', null],
        ['case.claimed', stack.reviewer.id],
        ['case.note_added', stack.reviewer.id],
        ['case.dismissed', stack.reviewer.id],
      ]);
      expect(dismissed.body.history[1]).toMatchObject({ before: { status: 'open', assigneeId: null }, after: { status: 'claimed', assigneeId: stack.reviewer.id } });
      expect(dismissed.body.history[3]).toMatchObject({ before: { status: 'claimed' }, after: { status: 'dismissed', decisionReason: 'fan review under 10 s' } });
    });

    it('confirms a case as infringement', async () => {
      await secondReviewer.http.post(`/cases/${cases[1].id}/claim`).expect(200);
      const confirmed = await secondReviewer.http.post(`/cases/${cases[1].id}/confirm`).send({ reason: 'full scene re-uploaded' }).expect(200);
      expect(confirmed.body).toMatchObject({ status: 'confirmed', decidedAt: expect.any(String), segments: [expect.objectContaining({ clipStart: expect.any(Number) })] });
    });

    it('shows rights holders the cases on their own works only', async () => {
      expect((await stack.http().get('/cases')).body.total).toBe(2);
      expect((await stack.http().get(`/cases/${cases[0].id}`)).status).toBe(200);
      expect((await otherHolder.http.get('/cases')).body.total).toBe(0);
      expect((await otherHolder.http.get(`/cases?rightsHolderId=${stack.holder.id}`)).body.total).toBe(0);
      expect((await otherHolder.http.get(`/cases/${cases[0].id}`)).status).toBe(404);
      expect((await licensee.http.get('/cases')).status).toBe(403);
    });

    it('keeps every change in the audit log, readable by admins', async () => {
      const log = await stack.admin.get(`/audit?subjectType=case&subjectId=${cases[1].id}`).expect(200);
      expect(log.body.items.map((e: any) => e.action)).toEqual(['case.opened', 'case.claimed', 'case.confirmed']);
      const grants = await stack.admin.get('/audit?subjectType=licence').expect(200);
      expect(grants.body.items[0]).toMatchObject({ action: 'licence.granted', actorId: stack.holder.id, after: { exclusive: true, territories: ['SG'] } });
      expect((await stack.reviewer.http.get('/audit')).status).toBe(403);
    });
  });

  describe('ownership queries', () => {
    it('answers who owns a registration number, and not for numbers it does not know', async () => {
      const res = await licensee.http.get(`/ownership/registrations/${registered[0].number}`).expect(200);
      expect(res.body).toEqual({
        registrationNumber: registered[0].number,
        registeredAt: registered[0].registeredAt,
        episodeNumber: 1,
        episodeTitle: 'Episode 1',
        workId: work.id,
        workTitle: 'The Secret Bride',
        owner: 'Golden Reel Studio',
      });
      expect((await licensee.http.get('/ownership/registrations/DG-1999-000001')).body.error).toBe('registration_not_found');
    });

    it('finds works by title or original title, with their registered episodes', async () => {
      const res = await licensee.http.get(`/ownership/works?title=${encodeURIComponent('SECRET bri')}`).expect(200);
      expect(res.body.total).toBe(1);
      expect(res.body.items[0]).toMatchObject({ title: 'The Secret Bride', owner: 'Golden Reel Studio', episodeCount: 3 });
      expect(res.body.items[0].registeredEpisodes.map((e: any) => e.registrationNumber)).toEqual(registered.map((r) => r.number));
      expect(JSON.stringify(res.body)).not.toMatch(/sha256|fileName|metadata/);
      expect((await licensee.http.get(`/ownership/works?title=${encodeURIComponent('秘密')}`)).body.total).toBe(1);
      expect((await licensee.http.get('/ownership/works?title=nothing-like-it')).body.total).toBe(0);
    });

    async function askAbout(as: TestAccount, fields: Record<string, string>): Promise<Record<string, any>> {
      let req = as.http.post('/ownership/clips');
      for (const [k, v] of Object.entries(fields)) req = req.field(k, v);
      const created = await req.attach('file', await fixtures.excerpt()).expect(201);
      return waitFor(
        async () => (await as.http.get(`/ownership/clips/${created.body.id}`)).body,
        (q) => q.status === 'done' || q.status === 'failed',
      );
    }

    it('answers a clip with owner, episode and registration, and whether the licensee’s licence covers the use', async () => {
      const covered = await askAbout(licensee, { platform: 'douyin', territory: 'SG', usedOn: '2026-05-01' });
      expect(covered.answers).toHaveLength(1);
      expect(covered.answers[0]).toMatchObject({ registrationNumber: registered[0].number, episodeNumber: 1, owner: 'Golden Reel Studio', licensed: true, licenceId: licence.id });
      expect(covered.answers[0].summary).toBe(
        `episode 1 of work "The Secret Bride", owned by Golden Reel Studio, registered at ${registered[0].registeredAt}; your licence covers this use: yes (licence ${licence.id})`,
      );
      const elsewhere = await askAbout(licensee, { platform: 'douyin', territory: 'US', usedOn: '2026-05-01' });
      expect(elsewhere.answers[0]).toMatchObject({ licensed: false, licenceId: null });
      expect(elsewhere.answers[0].summary).toMatch(/your licence covers this use: no$/);
      expect((await otherLicensee.http.get(`/ownership/clips/${covered.id}`)).status).toBe(404);
      expect((await stack.reviewer.http.get(`/clips/${covered.id}`)).status).toBe(404);
      expect((await stack.reviewer.http.get('/cases')).body.total).toBe(2);
    });

    it('requires the platform of the intended use', async () => {
      const res = await licensee.http.post('/ownership/clips').attach('file', await fixtures.excerpt());
      expect(res.status).toBe(400);
      expect(res.body.message).toMatch(/platform/);
    });
  });

  describe('certificates and evidence', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dg-cert-'));
    const bytes = async (req: ReturnType<TestAccount['http']['get']>): Promise<Buffer> =>
      (await req.buffer(true).parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })).body as Buffer;
    const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex');
    /** The README's verification command, exactly. */
    const verify = (): string =>
      execFileSync('openssl', ['pkeyutl', '-verify', '-pubin', '-inkey', 'signing.pem', '-rawin', '-in', 'cert.json', '-sigfile', 'cert.sig'], { cwd: dir, encoding: 'utf8' });

    it('issues a canonical certificate whose Ed25519 signature openssl verifies offline with the published key', async () => {
      const json = await bytes(stack.http().get(`/registrations/${registered[0].id}/certificate`).expect(200).expect('content-type', /application\/json/));
      const cert = JSON.parse(json.toString('utf8'));
      expect(cert).toMatchObject({
        registrationNumber: registered[0].number,
        holder: { id: stack.holder.id, name: 'Golden Reel Studio' },
        work: { id: work.id, title: 'The Secret Bride', originalTitle: '秘密新娘' },
        episode: { number: 1, title: 'Episode 1' },
        file: { sha256: registered[0].sha256 },
        fingerprint: { sha256: expect.stringMatching(/^[0-9a-f]{64}$/) },
        registeredAt: registered[0].registeredAt,
        signatureAlgorithm: 'Ed25519',
      });
      expect(json.toString('utf8')).toBe(canonicalJson(cert));
      const sig = (await stack.http().get(`/registrations/${registered[0].id}/certificate.sig`).expect(200)).text;
      const pem = (await stack.anonymous().get('/keys/signing').expect(200)).text;
      expect(pem).toMatch(/^-----BEGIN PUBLIC KEY-----/);
      writeFileSync(join(dir, 'cert.json'), json);
      writeFileSync(join(dir, 'cert.sig'), Buffer.from(sig, 'base64'));
      writeFileSync(join(dir, 'signing.pem'), pem);
      expect(verify()).toContain('Signature Verified Successfully');

      writeFileSync(join(dir, 'cert.json'), json.toString('utf8').replace('Golden Reel Studio', 'Golden Reel Studios'));
      expect(verify).toThrow();
      const again = await bytes(stack.reviewer.http.get(`/registrations/${registered[0].id}/certificate`).expect(200));
      expect(again.equals(json)).toBe(true);
    });

    it('renders the certificate as a page, and shows it only to those who may see the registration', async () => {
      const html = await stack.http().get(`/registrations/${registered[0].id}/certificate.html`).expect(200).expect('content-type', /text\/html/);
      expect(html.text).toContain(registered[0].number);
      expect(html.text).toContain(registered[0].sha256);
      expect((await otherHolder.http.get(`/registrations/${registered[0].id}/certificate`)).status).toBe(404);
      expect((await licensee.http.get(`/registrations/${registered[0].id}/certificate`)).status).toBe(403);
    });

    it('builds a case report with the certificate digest, clip hash, segments and an aligned-frames image per segment', async () => {
      const caseId = (await stack.reviewer.http.get('/cases?status=confirmed')).body.items[0].id;
      const detail = (await stack.reviewer.http.get(`/cases/${caseId}`)).body;
      const report = (await stack.http().get(`/cases/${caseId}/report`).expect(200)).body;
      const certificate = await bytes(stack.http().get(`/registrations/${detail.registrationId}/certificate`));
      expect(report).toMatchObject({
        case: { id: caseId, status: 'confirmed' },
        work: { id: work.id, title: 'The Secret Bride' },
        holder: { id: stack.holder.id, name: 'Golden Reel Studio' },
        registration: { number: detail.registrationNumber, certificateSha256: sha256(certificate) },
        clip: { id: detail.clip.id, sha256: detail.clip.sha256 },
        score: detail.score,
      });
      expect(report.segments.length).toBeGreaterThan(0);
      for (const s of report.segments) {
        expect(s.image.url).toBe(`/cases/${caseId}/evidence/${s.id}.png`);
        const png = await bytes(stack.reviewer.http.get(s.image.url).expect(200).expect('content-type', 'image/png'));
        expect(png.subarray(1, 4).toString()).toBe('PNG');
        expect(sha256(png)).toBe(s.image.sha256);
        const [width, height] = [png.readUInt32BE(16), png.readUInt32BE(20)];
        // A header of three title lines (registration and work; episode and clip stretch; the edits, short for these clips), then rows of pairs.
        const pairs = (height - 70) / (240 + 26 + 12);
        expect(Number.isInteger(pairs) && pairs >= 3 && pairs <= 5).toBe(true);
        expect(width).toBeGreaterThanOrEqual(12 + 200 + 12 + 200 + 12);
      }
      const html = await stack.http().get(`/cases/${caseId}/report.html`).expect(200);
      expect(html.text).toContain(sha256(certificate));
      expect(html.text).toContain(detail.clip.sha256);
      expect(html.text.match(/src="data:image\/png;base64,/g)).toHaveLength(report.segments.length);
      expect((await otherHolder.http.get(`/cases/${caseId}/report`)).status).toBe(404);
      expect((await stack.reviewer.http.get(`/cases/${caseId}/evidence/00000000-0000-4000-8000-000000000000.png`)).body.error).toBe('segment_not_found');
    });
  });
});
