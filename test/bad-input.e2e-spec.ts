import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createWork, matchClip, registerEpisode, settledRegistration, uploadEpisode } from './support/api-calls';
import { fixtures } from './support/fixtures';
import { rawMultipart } from './support/raw-multipart';
import { TestStack } from './support/test-stack';

const LIMITS = { maxUploadBytes: 3 * 1024 * 1024, minDurationSeconds: 1, maxDurationSeconds: 20, minDimension: 64, maxDimension: 1000 };

describe('bad input gets a clear refusal and breaks nothing', () => {
  let stack: TestStack;
  let workId: string;
  let nextEpisode = 1;
  const scratch = (name: string, bytes: Buffer): string => {
    const path = join(tmpdir(), `dg-bad-${process.pid}-${name}`);
    writeFileSync(path, bytes);
    return path;
  };

  async function refused(file: string): Promise<{ code: number; body: Record<string, any> }> {
    return uploadEpisode(stack, workId, file, nextEpisode++);
  }

  beforeAll(async () => {
    stack = await TestStack.start({ limits: LIMITS });
    workId = (await createWork(stack, { episodeCount: 100 })).id;
  });

  afterAll(() => stack?.stop());

  afterEach(async () => {
    expect(stack.incomingFiles()).toEqual([]);
    const rows = await stack.http().get(`/works/${workId}`).expect(200);
    expect(rows.body.episodes.filter((e: any) => !e.registration)).toEqual([]);
  });

  it('refuses a file that is not a video', async () => {
    const res = await refused(scratch('garbage.mp4', Buffer.from('this is not a video at all, just text'.repeat(100))));
    expect(res.code).toBe(422);
    expect(res.body).toMatchObject({ error: 'not_a_video', message: expect.stringMatching(/not a readable video/) });
    expect(res.body.message).not.toContain(tmpdir());
    expect(res.body).not.toHaveProperty('stack');
  });

  it('refuses an empty file and a request without a file', async () => {
    expect(await refused(scratch('empty.mp4', Buffer.alloc(0)))).toMatchObject({ code: 400, body: { error: 'file_empty' } });
    const res = await stack.http().post(`/works/${workId}/episodes`).field('episodeNumber', '50').field('title', 'x');
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('file_missing');
  });

  it('refuses a truncated file whose container cannot be read', async () => {
    expect(await refused(await fixtures.truncatedHead())).toMatchObject({ code: 422, body: { error: 'not_a_video' } });
  });

  it('refuses an audio-only file', async () => {
    expect(await refused(await fixtures.audioOnly())).toMatchObject({ code: 422, body: { error: 'no_video_stream' } });
  });

  it('refuses absurd picture sizes and durations against the configured limits', async () => {
    const tiny = await refused(await fixtures.sized(32, 32, 2));
    expect(tiny).toMatchObject({ code: 422, body: { error: 'dimensions_out_of_range' } });
    expect(tiny.body.message).toContain('between 64 and 1000 pixels');
    expect(await refused(await fixtures.sized(1200, 64, 2))).toMatchObject({ code: 422, body: { error: 'dimensions_out_of_range' } });
    expect(await refused(await fixtures.sized(64, 64, 21))).toMatchObject({ code: 422, body: { error: 'duration_out_of_range' } });
  });

  it('refuses an over-size body with 413, keeping nothing of it', async () => {
    const big = scratch('big.mp4', Buffer.alloc(LIMITS.maxUploadBytes + 1024 * 1024, 7));
    const res = await stack
      .http()
      .post(`/works/${workId}/episodes`)
      .field('episodeNumber', '60')
      .field('title', 'x')
      .attach('file', big)
      .catch((e: { response?: unknown }) => e.response ?? Promise.reject(e));
    expect(res).toMatchObject({ status: 413, body: { error: 'payload_too_large', message: `the upload exceeds the limit of ${LIMITS.maxUploadBytes} bytes` } });
  });

  it('refuses a file name with path components', async () => {
    const data = readFileSync(await fixtures.unrelated());
    const form = rawMultipart({ episodeNumber: '61', title: 'x' }, { field: 'file', filename: '../../etc/cron.d/episode.mp4', data });
    const res = await stack.http().post(`/works/${workId}/episodes`).set('content-type', form.contentType).send(form.body);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: 'invalid_file_name' });
  });

  it('refuses invalid form fields and malformed JSON without leaking internals', async () => {
    const res = await stack.http().post(`/works/${workId}/episodes`).field('episodeNumber', 'first').field('title', 'x').attach('file', await fixtures.unrelated());
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/episodeNumber must be an integer/);
    const json = await stack.http().post('/works').set('content-type', 'application/json').send('{"title": ');
    expect(json.status).toBe(400);
    expect(JSON.stringify(json.body)).not.toMatch(/at .*\.js/);
    const unknown = await stack.http().post('/works').send({ rightsHolder: 'x', title: 'y', episodeCount: 1, owner: 'z' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.message).toContain('property owner should not exist');
    expect((await stack.http().get('/works/not-a-uuid')).status).toBe(400);
    expect((await stack.http().get('/works/00000000-0000-4000-8000-000000000000')).body).toMatchObject({ statusCode: 404, error: 'work_not_found' });
  });

  it('fails the registration with a reason when the damage only shows while decoding', async () => {
    const upload = await refused(await fixtures.truncatedTail());
    expect(upload.code).toBe(201);
    const settled = await settledRegistration(stack, upload.body.id);
    expect(settled.status).toBe('failed');
    expect(settled.failureReason).toMatch(/truncated or damaged|could not decode/);
  });

  it('fails a damaged clip with a reason too', async () => {
    const clip = await matchClip(stack, await fixtures.truncatedTail());
    expect(clip.status).toBe('failed');
    expect(clip.failureReason).toMatch(/truncated or damaged|could not decode/);
    expect(clip.matches).toEqual([]);
  });

  it('keeps serving and registering after all of that', async () => {
    await stack.http().get('/health').expect(200, { status: 'ok' });
    const ok = await registerEpisode(stack, workId, await fixtures.episode2(), nextEpisode++);
    expect(ok.status).toBe('registered');
  });
});
