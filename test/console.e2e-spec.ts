// Callbacks passed to page.evaluate run in the browser, so they are typed against the DOM.
/// <reference lib="dom" />
import { copyFileSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createWork, registerEpisode } from './support/api-calls';
import { ConsoleBrowser, ConsolePage } from './support/console-browser';
import { fixtures } from './support/fixtures';
import { TEST_ADMIN_KEY } from './support/test-config';
import { TestAccount, TestStack } from './support/test-stack';

/** What a page logged as an error or threw, less the browser's own line for each 4xx the api answered on purpose. */
function realProblems(p: ConsolePage): string[] {
  return p.problems.filter((m) => !/Failed to load resource: the server responded with a status of 4\d\d/.test(m));
}

/**
 * The console in Debian's chromium against the real api, a built worker,
 * PostgreSQL and Redis: one journey per role, each ending with a screenshot
 * under test-output/console.
 */
describe('web console', () => {
  let stack: TestStack;
  let browser: ConsoleBrowser;
  let files: string;
  let licensee: TestAccount;

  beforeAll(async () => {
    stack = await TestStack.start();
    await stack.api.listen(0, '127.0.0.1');
    browser = await ConsoleBrowser.launch((await stack.api.getUrl()).replace('[::1]', '127.0.0.1'));
    files = mkdtempSync(join(tmpdir(), 'dg-console-'));
    licensee = await stack.createAccount('licensee', '月光传媒 Moonlight Media', [{ platform: 'douyin', handle: '@moonlight-dramas' }]);
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
    if (files) rmSync(files, { recursive: true, force: true });
  });

  it('is served under /console with its own content security policy, and refuses a wrong key with the api message', async () => {
    const index = await stack.anonymous().get('/console/').expect(200);
    expect(index.text).toContain('<div id="app">');
    expect(index.headers['content-security-policy']).toContain("default-src 'self'");
    expect(index.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    const api = await stack.anonymous().get('/works').expect(401);
    expect(api.headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");

    const tab = await browser.openConsole();
    await tab.page.locator('input[name=apiKey]').fill('dg_not-a-key-of-anyone-0000000000000000000');
    await tab.page.getByRole('button', { name: 'Sign in' }).click();
    await tab.page.getByRole('alert').filter({ hasText: '401 invalid_api_key the API key is unknown or has been revoked' }).waitFor();
    expect(await tab.page.evaluate(() => sessionStorage.length)).toBe(0);
    await tab.screenshot('sign-in-refused');
    expect(realProblems(tab)).toEqual([]);
    await tab.close();
  });

  it('rights holder: creates a work, drops two episode files, sees both registered, reads a certificate and draws an exclusion', async () => {
    const holder = await browser.signIn(stack.holder.key);
    expect(holder.page.url()).not.toContain(stack.holder.key);
    expect(await holder.page.evaluate(() => Object.values(sessionStorage))).toEqual([stack.holder.key]);

    await holder.page.locator('input[name=title]').fill('The Secret Bride');
    await holder.page.locator('input[name=originalTitle]').fill('秘密新娘');
    await holder.page.locator('input[name=episodeCount]').fill('80');
    await holder.page.getByRole('button', { name: 'Create work' }).click();
    await holder.page.getByRole('heading', { name: /The Secret Bride/ }).waitFor();
    const workId = decodeURIComponent(/#\/works\/(.+)$/.exec(holder.page.url())![1]);

    const ep1 = join(files, '秘密新娘 第1集.mp4');
    const ep2 = join(files, '秘密新娘 第2集.mp4');
    copyFileSync(await fixtures.episode1(), ep1);
    copyFileSync(await fixtures.episode2(), ep2);
    await holder.dropFiles('.dropzone', [ep1, ep2]);
    await holder.page.locator('[data-testid=upload-row]').nth(1).waitFor();
    await holder.page.waitForFunction(() => document.querySelectorAll('[data-testid=upload-row] .status-registered').length === 2, null, { timeout: 150_000 });

    const work = (await stack.http().get(`/works/${workId}`).expect(200)).body;
    expect(work.originalTitle).toBe('秘密新娘');
    expect(work.episodes.map((e: { number: number; title: string; registration: { status: string } }) => [e.number, e.title, e.registration.status])).toEqual([
      [1, '秘密新娘 第1集', 'registered'],
      [2, '秘密新娘 第2集', 'registered'],
    ]);
    const rows = await holder.page.locator('[data-testid=episode-row]').allTextContents();
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain('秘密新娘 第1集');
    await holder.screenshot('holder-work-registered');

    await holder.open(`#/registrations/${work.episodes[0].registration.id}`);
    await holder.page.locator('pre.certificate').filter({ hasText: 'DG-' }).waitFor();

    const bar = (await holder.page.locator('.timeline-bar.drawable').boundingBox())!;
    await holder.page.mouse.move(bar.x + 1, bar.y + bar.height / 2);
    await holder.page.mouse.down();
    await holder.page.mouse.move(bar.x + bar.width * 0.1, bar.y + bar.height / 2, { steps: 4 });
    await holder.page.mouse.move(bar.x + bar.width * 0.2, bar.y + bar.height / 2, { steps: 4 });
    await holder.page.mouse.up();
    await holder.page.locator('input[name=exclusionReason]').fill('发行方片头 distributor logo sting');
    await holder.page.getByRole('button', { name: 'Exclude' }).click();
    await holder.page.locator('.timeline-mark.exclusion').waitFor();
    const [exclusion] = (await stack.http().get(`/registrations/${work.episodes[0].registration.id}/exclusions`).expect(200)).body;
    expect(exclusion.reason).toBe('发行方片头 distributor logo sting');
    expect(exclusion.startSeconds).toBeLessThan(0.2);
    expect(Math.abs(exclusion.endSeconds - 3)).toBeLessThan(0.2);
    await holder.screenshot('holder-registration-certificate');
    await holder.page.getByRole('button', { name: 'remove' }).click();
    await holder.page.getByText('No exclusions: the whole episode is matched.').waitFor();
    expect((await stack.http().get(`/registrations/${work.episodes[0].registration.id}/exclusions`).expect(200)).body).toEqual([]);
    expect(realProblems(holder)).toEqual([]);
    await holder.close();
  });

  it('rights holder: grants an exclusive licence, and reads in words why an overlapping one is refused', async () => {
    const holder = await browser.signIn(stack.holder.key);
    await holder.open('#/licences');
    const grant = async (territories: string, startsOn: string) => {
      await holder.page.locator('select[name=workId]').selectOption({ label: 'The Secret Bride' });
      await holder.page.locator('input[name=licenseeId]').fill(licensee.id);
      await holder.page.locator('input[name=firstEpisode]').fill('1');
      await holder.page.locator('input[name=lastEpisode]').fill('10');
      await holder.page.locator('input[name=territories]').fill(territories);
      await holder.page.locator('input[name=platforms]').fill('douyin');
      await holder.page.locator('input[name=startsOn]').fill(startsOn);
      await holder.page.locator('input[name=endsOn]').fill('2099-12-31');
      await holder.page.locator('input[name=exclusive]').setChecked(true);
      await holder.page.getByRole('button', { name: 'Grant' }).click();
    };
    await grant('SG', '2020-01-01');
    await holder.page.locator('tbody tr').filter({ hasText: '月光传媒 Moonlight Media' }).waitFor();
    await grant('SG, MY', '2030-06-01');
    const refusal = holder.page.getByTestId('licence-overlap');
    await refusal.waitFor();
    expect(await refusal.textContent()).toMatch(/^This licence overlaps an exclusive one\. refused: an exclusive licence .*月光传媒 Moonlight Media.* already covers episodes 1-10, SG, douyin/);
    expect(await holder.page.locator('tbody tr').count()).toBe(1);
    const licences = (await licensee.http.get('/licences').expect(200)).body.items;
    expect(licences.map((l: { territories: string[]; exclusive: boolean }) => [l.territories, l.exclusive])).toEqual([[['SG'], true]]);
    await holder.screenshot('holder-licence-overlap');
    expect(realProblems(holder)).toEqual([]);
    await holder.close();
  });

  it('reviewer: drops two suspect clips, dismisses one case and claims the other from the queue by key, and confirms it on its page', async () => {
    const reviewer = await browser.signIn(stack.reviewer.key);
    await reviewer.open('#/clips');
    await reviewer.page.locator('input[name=platform]').fill('douyin');
    await reviewer.page.locator('input[name=uploaderAccount]').fill('@pirate-shorts');
    await reviewer.page.locator('input[name=territory]').fill('SG');
    await reviewer.dropFiles('.dropzone', [await fixtures.excerpt(), await fixtures.compilation()]);
    const caseLinks = reviewer.page.getByRole('link', { name: 'open the case →' });
    await reviewer.page.waitForFunction(() => document.querySelectorAll('[data-testid=clip-result] a[href^="#/cases/"]').length === 2, null, { timeout: 150_000 });
    await reviewer.screenshot('reviewer-clip-matched');
    const caseIds = (await caseLinks.evaluateAll((links) => links.map((a) => a.getAttribute('href')!))).map((h) => decodeURIComponent(h.replace('#/cases/', '')));
    const cases = await Promise.all(caseIds.map(async (id) => (await stack.reviewer.http.get(`/cases/${id}`).expect(200)).body));
    const caseId = cases.find((c) => c.episodeNumber === 1)!.id;
    const mirroredCase = cases.find((c) => c.episodeNumber === 2)!;
    expect(mirroredCase.mirrored).toBe(true);

    await reviewer.open('#/cases');
    await reviewer.page.locator('table.queue tbody tr').nth(1).waitFor();
    // The counts arrive by a request of their own: wait for the tab to read 2 rather than read it once.
    await reviewer.page.getByRole('tab', { name: 'open 2' }).waitFor();
    await reviewer.screenshot('reviewer-queue');
    const rows = await reviewer.page.locator('table.queue tbody tr').allTextContents();
    for (let i = 0; i < rows.findIndex((r) => r.includes('DG-2026-000002')); i++) await reviewer.page.keyboard.press('j');
    expect(await reviewer.page.locator('table.queue tr.selected').textContent()).toContain('DG-2026-000002');
    await reviewer.page.keyboard.press('d');
    await reviewer.page.locator('input[name=dismissReason]').fill('fan edit under fair use');
    await reviewer.page.keyboard.press('Enter');
    await reviewer.page.getByRole('status').filter({ hasText: 'dismissed case of The Secret Bride #2' }).waitFor();
    await reviewer.page.getByRole('tab', { name: 'open 1' }).waitFor();
    const dismissed = (await stack.reviewer.http.get(`/cases/${mirroredCase.id}`).expect(200)).body;
    expect({ status: dismissed.status, reason: dismissed.decisionReason }).toEqual({ status: 'dismissed', reason: 'fan edit under fair use' });

    await reviewer.page.locator('table.queue tr.selected').filter({ hasText: 'DG-2026-000001' }).waitFor();
    await reviewer.page.keyboard.press('c');
    await reviewer.page.getByRole('status').filter({ hasText: 'claimed case of The Secret Bride #1' }).waitFor();
    await reviewer.page.getByRole('tab', { name: 'claimed 1' }).click();
    await reviewer.page.locator('table.queue tr.selected').filter({ hasText: 'The Secret Bride' }).waitFor();
    await reviewer.page.keyboard.press('Enter');

    await reviewer.page.getByRole('heading', { name: /The Secret Bride · episode 1/ }).waitFor();
    expect(reviewer.page.url()).toContain(`#/cases/${caseId}`);
    await reviewer.page.locator('img.evidence').first().waitFor();
    const evidence = await reviewer.page.locator('img.evidence').first().evaluate((img: HTMLImageElement) => ({ src: img.src, width: img.naturalWidth }));
    expect(evidence.src).toMatch(/^blob:/);
    expect(evidence.width).toBeGreaterThan(100);
    // One mark on the clip's axis and one on the episode's for each segment the api holds for the case.
    const shown = (await stack.reviewer.http.get(`/cases/${caseId}`).expect(200)).body;
    expect(shown.segments.length).toBeGreaterThan(0);
    expect(await reviewer.page.locator('.timeline-mark.match').count()).toBe(2 * shown.segments.length);
    await reviewer.page.locator('input[name=note]').fill('uploader has 40 such clips');
    await reviewer.page.getByRole('button', { name: 'Add note' }).click();
    await reviewer.page.locator('.notes li').filter({ hasText: 'uploader has 40 such clips' }).waitFor();
    await reviewer.page.locator('input[name=decisionReason]').fill('full scene re-uploaded');
    await reviewer.page.getByRole('button', { name: 'Confirm infringement' }).click();
    await reviewer.page.locator('h1 .status-confirmed').waitFor();
    await reviewer.page.locator('.history').filter({ hasText: 'case.confirmed' }).waitFor();

    const decided = (await stack.reviewer.http.get(`/cases/${caseId}`).expect(200)).body;
    expect({ status: decided.status, reason: decided.decisionReason, assignee: decided.assigneeId }).toEqual({ status: 'confirmed', reason: 'full scene re-uploaded', assignee: stack.reviewer.id });

    const [download] = await Promise.all([reviewer.page.waitForEvent('download'), reviewer.page.getByRole('button', { name: 'Download report (HTML)' }).click()]);
    const saved = join(files, 'report.html');
    await download.saveAs(saved);
    expect(download.suggestedFilename()).toBe(`case-${caseId}.html`);
    expect(statSync(saved).size).toBeGreaterThan(1_000);
    await reviewer.screenshot('reviewer-case-confirmed');
    expect(realProblems(reviewer)).toEqual([]);
    await reviewer.close();
  });

  it('licensee: asks who owns a registration number, a title and the footage of a clip, and reads the licence answer', async () => {
    const page = await browser.signIn(licensee.key);
    expect(await page.page.locator('[data-testid=signed-in-as]').textContent()).toBe('月光传媒 Moonlight Media');
    await page.page.locator('input[name=usePlatform]').fill('douyin');
    await page.page.locator('input[name=useTerritory]').fill('SG');
    await page.page.locator('input[name=lookupClip]').setInputFiles(await fixtures.excerpt());
    const answers = page.page.locator('[data-testid=clip-answers] li');
    await answers.first().waitFor({ timeout: 150_000 });
    expect(await answers.count()).toBe(1);
    const text = await answers.first().textContent();
    expect(text).toContain('Covered by your licence');
    expect(text).toContain('episode 1 of work "The Secret Bride", owned by Golden Reel Studio');

    await page.page.locator('input[name=registrationNumber]').fill('DG-2026-000002');
    await page.page.getByRole('button', { name: 'Look up' }).click();
    expect(await page.page.getByTestId('owner-by-number').textContent()).toMatch(/^DG-2026-000002: episode 2 “秘密新娘 第2集” of The Secret Bride, owned by Golden Reel Studio, registered /);
    await page.page.locator('input[name=title]').fill('secret bride');
    await page.page.getByRole('button', { name: 'Search' }).click();
    await page.page.getByText('owned by Golden Reel Studio: 2 of 80 episodes registered').waitFor();
    await page.screenshot('licensee-clip-lookup');
    expect(realProblems(page)).toEqual([]);
    await page.close();
  });

  it('admin: creates an account and issues it a key that is shown once and works, rejects a conflict, checks the audit chain', async () => {
    const admin = await browser.signIn(TEST_ADMIN_KEY);
    await admin.open('#/accounts');
    await admin.page.locator('input[name=accountName]').fill('金牌审核 Second Desk');
    await admin.page.locator('select[name=accountRole]').selectOption('reviewer');
    await admin.page.getByRole('button', { name: 'Create account' }).click();
    await admin.page.locator('[data-testid=account-row]').filter({ hasText: '金牌审核 Second Desk' }).waitFor();
    await admin.page.locator('input[name=keyLabel]').fill('desk two');
    await admin.page.getByRole('button', { name: 'Issue a key' }).click();
    const key = (await admin.page.locator('[data-testid=issued-key] code').textContent())!;
    expect(key).toMatch(/^dg_[A-Za-z0-9_-]{43}$/);
    await admin.page.locator('.keys li').filter({ hasText: 'desk two' }).waitFor();
    await admin.screenshot('admin-account-key');

    const me = (await stack.http(key).get('/accounts/me').expect(200)).body;
    expect({ name: me.name, role: me.role }).toEqual({ name: '金牌审核 Second Desk', role: 'reviewer' });
    await admin.page.getByRole('button', { name: 'I have stored it' }).click();
    expect(await admin.page.content()).not.toContain(key);

    const copier = await stack.createAccount('rights_holder', '仿制影业 Copycat Films');
    const copyWork = await createWork(stack, { title: '假新娘 The Fake Bride' }, copier.http);
    const held = await registerEpisode(stack, copyWork.id, await fixtures.copy(), 1, copier.http);
    expect(held.status).toBe('conflict');
    await admin.open('#/conflicts');
    const conflict = admin.page.locator('article').filter({ hasText: '假新娘 The Fake Bride episode 1' });
    await conflict.waitFor();
    expect(await conflict.textContent()).toContain('matches The Secret Bride episode 1 (DG-2026-000001) of Golden Reel Studio, registered earlier');
    await conflict.getByPlaceholder('reason').fill('same footage as DG-2026-000001, no licence on file');
    await conflict.getByRole('button', { name: 'reject' }).click();
    await conflict.locator('.status-rejected').waitFor();
    await admin.screenshot('admin-conflict-rejected');
    const resolved = (await stack.admin.get('/conflicts').expect(200)).body.items[0];
    expect({ status: resolved.status, reason: resolved.resolutionReason }).toEqual({ status: 'rejected', reason: 'same footage as DG-2026-000001, no licence on file' });

    await admin.open('#/audit');
    await admin.page.locator('table.audit').filter({ hasText: 'api_key' }).waitFor();
    await admin.page.getByRole('button', { name: 'Verify the chain' }).click();
    await admin.page.getByText(/^intact: \d+ entries/).waitFor();
    await admin.screenshot('admin-audit');
    expect(realProblems(admin)).toEqual([]);
    await admin.close();
  });
});
