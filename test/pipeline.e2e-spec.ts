import { decodeFingerprint } from '@dramaguard/fingerprint';
import { DataSource } from 'typeorm';
import { createWork, matchClip, registerEpisode, uploadEpisode } from './support/api-calls';
import { fixtures } from './support/fixtures';
import { TestStack } from './support/test-stack';

function expectNear(actual: Record<string, number> | null, expected: Record<string, number>, within: number): void {
  expect(actual).not.toBeNull();
  for (const [k, v] of Object.entries(expected)) expect(Math.abs(actual![k] - v)).toBeLessThanOrEqual(within);
}

describe('register episodes, then match clips against them (HTTP, PostgreSQL, Redis, ffmpeg)', () => {
  let stack: TestStack;
  let work: Record<string, any>;
  const registered: Record<string, any>[] = [];

  beforeAll(async () => {
    const files = [await fixtures.episode1(), await fixtures.episode2(), await fixtures.episode3()];
    stack = await TestStack.start();
    work = await createWork(stack, { title: 'The Secret Bride', originalTitle: '秘密新娘', year: 2026, language: 'zh-CN', episodeCount: 3, metadata: { genre: 'romance' } });
    for (const [i, file] of files.entries()) registered.push(await registerEpisode(stack, work.id, file, i + 1));
  });

  afterAll(() => stack?.stop());

  it('registers each episode with a number, file facts and the registered status', () => {
    for (const r of registered) {
      expect(r.status).toBe('registered');
      expect(r.progress).toBe(100);
      expect(r.number).toMatch(/^DG-\d{4}-\d{6}$/);
      expect(r.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(r).toMatchObject({ width: 360, height: 640, failureReason: null });
      expect(new Date(r.registeredAt).getTime()).toBeGreaterThanOrEqual(new Date(r.receivedAt).getTime());
    }
    expect(registered[0].durationSeconds).toBeCloseTo(15, 0);
    expect(new Set(registered.map((r) => r.number)).size).toBe(3);
  });

  it('records at upload that the episodes have no soundtrack', async () => {
    const rows = await stack.api.get(DataSource).query('SELECT has_audio FROM registrations WHERE id = ANY($1::uuid[])', [registered.map((r) => r.id)]);
    expect(rows).toEqual(registered.map(() => ({ has_audio: false })));
  });

  it('fingerprints a letterboxed episode twice, with and without its bars, reading its frames back for the second view', async () => {
    const boxed = await registerEpisode(stack, (await createWork(stack, { title: 'Boxed' })).id, await fixtures.letterboxed(), 1);
    expect(boxed.status).toBe('registered');
    const [{ data }] = await stack.api.get(DataSource).query('SELECT data FROM fingerprints WHERE registration_id = $1', [boxed.id]);
    const fp = decodeFingerprint(data);
    expect(fp.views).toHaveLength(2);
    expect(fp.views[1].region.y0).toBeCloseTo(0.125, 1);
    expect(fp.views[1].region.y1).toBeCloseTo(0.875, 1);
    expect(fp.views[1].quality).toHaveLength(fp.frames);
    const clip = await matchClip(stack, await fixtures.unboxed());
    expect(clip.matches.map((m: any) => m.registrationId)).toEqual([boxed.id]);
    // The copy shows the picture inside the episode's bars, filling its own frame: not a crop of that picture.
    const [{ edits }] = clip.matches;
    expect(edits).toMatchObject({ framing: 'full', crop: null, mirrored: false });
    expectNear(edits.episodeRect, { x0: 0, y0: 0.125, x1: 1, y1: 0.875 }, 0.04);
  });

  it('lists the episodes of the work with their registrations', async () => {
    const res = await stack.http().get(`/works/${work.id}`).expect(200);
    expect(res.body).toMatchObject({ title: 'The Secret Bride', originalTitle: '秘密新娘', language: 'zh-CN', metadata: { genre: 'romance' } });
    expect(res.body.episodes.map((e: any) => [e.number, e.registration.number])).toEqual(registered.map((r, i) => [i + 1, r.number]));
  });

  it('answers a second upload of a registered file with 409 and the existing registration', async () => {
    const other = await createWork(stack, { title: 'Another series' });
    const again = await uploadEpisode(stack, other.id, await fixtures.episode2(), 1);
    expect(again.code).toBe(409);
    expect(again.body).toMatchObject({ error: 'duplicate_file', registrationId: registered[1].id, registrationNumber: registered[1].number });
    expect((await stack.http().get(`/works/${other.id}`)).body.episodes).toEqual([]);
  });

  it('refuses a taken episode number and one beyond the declared episode count', async () => {
    expect(await uploadEpisode(stack, work.id, await fixtures.unrelated(), 2)).toMatchObject({ code: 409, body: { error: 'episode_exists' } });
    expect(await uploadEpisode(stack, work.id, await fixtures.unrelated(), 4)).toMatchObject({ code: 422, body: { error: 'episode_out_of_range' } });
    expect(stack.incomingFiles()).toEqual([]);
  });

  it('finds an edited excerpt in the right episode, with time ranges within a second', async () => {
    const clip = await matchClip(stack, await fixtures.excerpt());
    expect(clip.status).toBe('done');
    expect(clip.matches).toHaveLength(1);
    const [m] = clip.matches;
    expect(m).toMatchObject({
      registrationId: registered[0].id,
      registrationNumber: registered[0].number,
      episodeNumber: 1,
      workId: work.id,
      workTitle: 'The Secret Bride',
      rightsHolder: 'Golden Reel Studio',
      mirrored: false,
      edits: { mirrored: false, framing: 'full', crop: null, pictureInPicture: null, rotationDegrees: 0, summary: ['unedited: whole picture, original speed'] },
    });
    expect(m.edits.speed).toBeCloseTo(1, 1);
    expect(m.score).toBeGreaterThan(0.5);
    expect(m.score).toBeLessThanOrEqual(1);
    expect(m.segments).toHaveLength(1);
    const s = m.segments[0];
    expect(Math.abs(s.clipStart - 0)).toBeLessThanOrEqual(1);
    expect(Math.abs(s.clipEnd - 6)).toBeLessThanOrEqual(1);
    expect(Math.abs(s.episodeStart - 4)).toBeLessThanOrEqual(1);
    expect(Math.abs(s.episodeEnd - 10)).toBeLessThanOrEqual(1);
  });

  it('reports every episode a compilation is cut from, each at its place in the clip', async () => {
    const clip = await matchClip(stack, await fixtures.compilation());
    const byEpisode = new Map(clip.matches.map((m: any) => [m.episodeNumber, m]));
    expect([...byEpisode.keys()].sort()).toEqual([2, 3]);
    const two: any = byEpisode.get(2);
    const three: any = byEpisode.get(3);
    expect(two.mirrored).toBe(true);
    expect(Math.abs(two.segments[0].clipStart - 0)).toBeLessThanOrEqual(1);
    expect(Math.abs(two.segments[0].episodeStart - 2)).toBeLessThanOrEqual(1);
    expect(Math.abs(three.segments[0].clipStart - 5)).toBeLessThanOrEqual(1);
    expect(Math.abs(three.segments[0].episodeStart - 3)).toBeLessThanOrEqual(1);
  });

  it('explains how a mirrored, pillarboxed copy edits the episode, as stored with the match', async () => {
    const clip = await matchClip(stack, await fixtures.pillarboxed());
    expect(clip.matches.map((m: any) => m.episodeNumber)).toEqual([2]);
    const [m] = clip.matches;
    expect(m.edits).toMatchObject({ mirrored: true, framing: 'pillarbox', crop: null, pictureInPicture: null, rotationDegrees: 0 });
    expect(m.edits.speed).toBeCloseTo(1, 1);
    // The picture sits at x 219-421 of the 640 px frame; it shows the whole episode.
    expectNear(m.edits.clipRect, { x0: 219 / 640, y0: 0, x1: 421 / 640, y1: 1 }, 0.03);
    expectNear(m.edits.episodeRect, { x0: 0, y0: 0, x1: 1, y1: 1 }, 0.04);
    expect(m.edits.summary).toEqual(['mirrored', 'pillarbox']);
    const [stored] = await stack.api.get(DataSource).query('SELECT edits FROM clip_matches WHERE clip_id = $1', [clip.id]);
    expect({ ...stored.edits, summary: m.edits.summary }).toEqual(m.edits);
  });

  it('reports no match for unregistered footage', async () => {
    const clip = await matchClip(stack, await fixtures.unrelated());
    expect(clip).toMatchObject({ status: 'done', progress: 100, matches: [] });
  });

  it('serves the OpenAPI description of the registration and matching endpoints', async () => {
    const res = await stack.http().get('/docs-json').expect(200);
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/clips', '/clips/{id}', '/health', '/registrations/{id}', '/works', '/works/{id}', '/works/{id}/episodes']));
    for (const path of Object.values<any>(res.body.paths)) for (const op of Object.values<any>(path)) expect(op.summary).toBeTruthy();
  });
});
