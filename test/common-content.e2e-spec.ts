import { getQueueToken } from '@nestjs/bullmq';
import { RETRO_QUEUE } from '@dramaguard/queue';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { createWork, matchClip, registerEpisode } from './support/api-calls';
import { CommonContentMaterial, commonContentMaterial, CONTROL, EXCERPT_7, INTRO_SECONDS, RECAP_SECONDS, SERIES_LENGTH, STING_SECONDS } from './support/common-content-material';
import { TestAccount, TestStack } from './support/test-stack';
import { waitFor } from './support/wait-for';

const FPS = 8;
const ACROSS_HOLDERS = 0x80;

/**
 * Shared and low-information content (docs/FINGERPRINT.md, section 7), on
 * material cut from the benchmark's dev footage (test/support/common-content-material.ts):
 * a 20-episode series of holder A whose episodes all open with the same 3 s
 * intro and replay the previous episode's last 5 s, a 3 s platform sting at the
 * start of an episode of holder A's other work and of an episode of holder B,
 * and clips of each.
 *
 * The episodes are registered one after the other, each once the previous one
 * is registered: what an episode shares is learned by comparing it with what
 * is registered when it is fingerprinted, so two episodes fingerprinted at the
 * same time do not learn from each other. In-order registration is what the
 * service guarantees to learn from, and how a series is released.
 *
 * A clip of the intro alone opens no case and gets no series-level note: the
 * intro is nobody's evidence once the series shares it.
 */
describe('shared and low-information content: series intros, recaps, platform stings, black frames, exclusions', () => {
  let stack: TestStack;
  let holderB: TestAccount;
  let material: CommonContentMaterial;
  const series: Record<string, any>[] = [];
  const stung: Record<string, any>[] = [];

  beforeAll(async () => {
    material = await commonContentMaterial();
    stack = await TestStack.start();
    holderB = await stack.createAccount('rights_holder', 'Jade Pictures');
    const seriesWork = await createWork(stack, { title: 'The Secret Bride', episodeCount: SERIES_LENGTH });
    const otherWork = await createWork(stack, { title: 'Moonlit Vows', episodeCount: 1 });
    const workB = await createWork(stack, { title: 'Jade Palace', episodeCount: 1 }, holderB.http);
    stung.push(await registerEpisode(stack, otherWork.id, material.stungA, 1));
    stung.push(await registerEpisode(stack, workB.id, material.stungB, 1, holderB.http));
    for (let n = 1; n <= SERIES_LENGTH; n++) series.push(await registerEpisode(stack, seriesWork.id, material.series[n - 1], n));
    // Clips come after the last retro-match, which compares recent clips with one new episode alone.
    const retro = stack.api.get<Queue>(getQueueToken(RETRO_QUEUE));
    await waitFor(
      () => retro.getJobCounts('waiting', 'active', 'delayed', 'prioritized'),
      (c) => Object.values(c).every((n) => n === 0),
    );
  }, 400_000);

  afterAll(() => stack?.stop());

  /** Share bytes per frame (docs/FINGERPRINT.md, section 7), read from the database. */
  async function shares(registrationId: string): Promise<Uint8Array> {
    const [row] = await stack.api.get(DataSource).query('SELECT frame_count, shares FROM fingerprints WHERE registration_id = $1', [registrationId]);
    return row.shares ? Uint8Array.from(row.shares) : new Uint8Array(row.frame_count);
  }

  /** What was learned, for docs/FINGERPRINT.md: per episode, the lowest share count over its intro, recap and last 5 s. */
  async function report(): Promise<void> {
    const lowest = (s: Uint8Array, from: number, to: number) => (to > from ? Math.min(...s.slice(from * FPS, to * FPS)) : '-');
    const rows: string[] = [];
    for (const [i, r] of series.entries()) {
      const s = await shares(r.id);
      const seconds = s.length / FPS;
      rows.push(`ep${i + 1} intro ${lowest(s, 0, INTRO_SECONDS)} recap ${i ? lowest(s, INTRO_SECONDS, INTRO_SECONDS + RECAP_SECONDS) : '-'} tail ${lowest(s, seconds - 5, seconds)}`);
    }
    process.stdout.write(`${rows.join('\n')}\n`);
  }

  async function openCases(): Promise<number> {
    return (await stack.reviewer.http.get('/cases?status=open').expect(200)).body.total;
  }

  it('registers the whole series and both stung episodes without a conflict', async () => {
    expect([...stung, ...series].map((r) => r.status)).toEqual(Array(SERIES_LENGTH + 2).fill('registered'));
    expect((await stack.admin.get('/conflicts').expect(200)).body.total).toBe(0);
  });

  it('learns the sting as shared across holders and the intro as shared within the series', async () => {
    for (const r of stung) {
      const s = await shares(r.id);
      // A frame either side of a cut may go either way.
      expect(Array.from(s.slice(1, STING_SECONDS * FPS - 2)).every((b) => (b & ACROSS_HOLDERS) !== 0)).toBe(true);
      expect(Array.from(s.slice(STING_SECONDS * FPS + 2)).every((b) => b === 0)).toBe(true);
    }
    const introCounts: number[] = [];
    const recapCounts: number[] = [];
    for (const [i, r] of series.entries()) {
      const s = await shares(r.id);
      introCounts.push(Math.min(...s.slice(0, INTRO_SECONDS * FPS)));
      if (i > 0) recapCounts.push(Math.min(...s.slice((INTRO_SECONDS + 1) * FPS, (INTRO_SECONDS + RECAP_SECONDS - 1) * FPS)));
      expect(Array.from(s).every((b) => (b & ACROSS_HOLDERS) === 0)).toBe(true);
    }
    // Each intro is shown by the 19 other episodes; a frame at the cut may miss a few of them.
    expect(Math.min(...introCounts)).toBeGreaterThanOrEqual(SERIES_LENGTH - 4);
    // Each recap is shared with the episode it replays.
    expect(recapCounts).toEqual(Array(SERIES_LENGTH - 1).fill(1));
    if (process.env.COMMON_CONTENT_REPORT) await report();
  });

  it('matches nothing in a clip of the platform sting two holders share, and opens no case', async () => {
    const before = await openCases();
    const clip = await matchClip(stack, material.clips.sting);
    expect(clip).toMatchObject({ status: 'done', verdict: 'no_match', matches: [] });
    expect(await openCases()).toBe(before);
  });

  it('opens no case for a clip of the series intro alone', async () => {
    const before = await openCases();
    const clip = await matchClip(stack, material.clips.intro);
    if (process.env.COMMON_CONTENT_REPORT) process.stdout.write(`intro clip: ${JSON.stringify(clip.matches.map((m: any) => [m.episodeNumber, m.score]))}\n`);
    expect(clip).toMatchObject({ status: 'done', verdict: 'no_match', matches: [] });
    expect(await openCases()).toBe(before);
  });

  it('attributes an excerpt of episode 7 that includes its intro and recap to episode 7 only', async () => {
    const clip = await matchClip(stack, material.clips.excerpt7);
    expect(clip.matches.map((m: any) => m.episodeNumber)).toEqual([EXCERPT_7.episode]);
    const [m] = clip.matches;
    expect(m).toMatchObject({ registrationId: series[EXCERPT_7.episode - 1].id, workTitle: 'The Secret Bride', verdict: 'case_opened', caseId: expect.any(String) });
    expect(m.score).toBeGreaterThan(0.5);
    const first = m.segments[0];
    expect(first.clipStart).toBeLessThanOrEqual(1);
    expect(Math.abs(first.episodeStart - EXCERPT_7.start)).toBeLessThanOrEqual(1);
    expect(m.segments[m.segments.length - 1].clipEnd).toBeGreaterThanOrEqual(EXCERPT_7.seconds - 1);
    if (process.env.COMMON_CONTENT_REPORT) process.stdout.write(`episode 7 excerpt: score ${m.score.toFixed(3)}, segments ${JSON.stringify(m.segments.map((s: any) => [s.clipStart, s.clipEnd, s.episodeStart, s.episodeEnd, s.matchedFrames]))}\n`);
  });

  it('matches nothing in a black clip or a clip of fades and flat colour cards', async () => {
    for (const file of [material.clips.black, material.clips.fade]) {
      expect(await matchClip(stack, file)).toMatchObject({ status: 'done', verdict: 'no_match', matches: [] });
    }
  });

  it('finds a plain excerpt of an episode’s own content in that episode (positive control)', async () => {
    const clip = await matchClip(stack, material.clips.control);
    expect(clip.matches.map((m: any) => m.episodeNumber)).toEqual([CONTROL.episode]);
    const [m] = clip.matches;
    expect(m.score).toBeGreaterThan(0.9);
    expect(Math.abs(m.segments[0].clipStart - 0)).toBeLessThanOrEqual(0.5);
    expect(Math.abs(m.segments[0].episodeStart - CONTROL.start)).toBeLessThanOrEqual(0.5);
    if (process.env.COMMON_CONTENT_REPORT) process.stdout.write(`control: score ${m.score.toFixed(3)}\n`);
  });

  it('stops matching a range its holder excludes, and matches it again once the exclusion is removed', async () => {
    const episode = series[CONTROL.episode - 1];
    const url = `/registrations/${episode.id}/exclusions`;
    const range = { startSeconds: CONTROL.start, endSeconds: CONTROL.start + CONTROL.seconds };
    const added = await stack.http().post(url).send({ ...range, reason: 'licensed stock footage' }).expect(201);
    expect((await stack.http().get(url).expect(200)).body).toEqual([added.body]);
    expect((await stack.reviewer.http.get(`/registrations/${episode.id}`).expect(200)).body.exclusions).toEqual([added.body]);
    expect((await holderB.http.post(url).send({ ...range, reason: 'not mine' })).status).toBe(404);

    // Each match job brings the worker's index up to date first, so the next clip already sees the change.
    const excluded = await matchClip(stack, material.clips.control);
    expect(excluded.matches).toEqual([]);

    await stack.http().delete(`${url}/${added.body.id}`).expect(200);
    expect((await stack.http().get(url).expect(200)).body).toEqual([]);
    const restored = await matchClip(stack, material.clips.control);
    expect(restored.matches.map((m: any) => m.registrationId)).toEqual([episode.id]);
  });
});
