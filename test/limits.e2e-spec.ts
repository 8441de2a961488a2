import { readFileSync } from 'node:fs';
import { request, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fixtures } from './support/fixtures';
import { rawMultipart } from './support/raw-multipart';
import { TestStack } from './support/test-stack';
import { waitFor } from './support/wait-for';

/**
 * The rate limiter counts a key's requests per fixed window of the clock
 * (request-rate-limiter.ts): when the window turned between the upload test's
 * requests and the rate test's, the count restarted and the 429 came one
 * request late. Waits, when less than `needMs` of the window is left, for the
 * next window to start.
 */
async function awaitRoomInWindow(windowMs: number, needMs: number): Promise<void> {
  const left = windowMs - (Date.now() % windowMs);
  if (left < needMs) await new Promise((r) => setTimeout(r, left + 100));
}

describe('limits on what one caller may ask', () => {
  const LIMIT = 5;
  const WINDOW_MS = 60_000;
  let stack: TestStack;

  beforeAll(async () => {
    // Made first, as ffmpeg may take a while on a new machine: the stack's start, the upload test and the rate test then
    // take a few seconds, and 20 s leaves room for a slow machine.
    await fixtures.excerpt();
    await awaitRoomInWindow(WINDOW_MS, 20_000);
    // No worker: the first clip stays in the queue, which then holds as many jobs as it may.
    // A prefix of its own: counts are kept per key, and every stack of this run shares the admin's key.
    stack = await TestStack.start({ abuse: { requestsPerWindow: LIMIT, windowMs: WINDOW_MS, maxQueueDepth: 1 }, queuePrefix: `dg-test-limits-${Date.now()}` }, { processes: 0 });
  });

  afterAll(() => stack?.stop());

  it('refuses an upload with 503 and Retry-After while the queue is full, keeping nothing of it', async () => {
    await stack.reviewer.http.post('/clips').attach('file', await fixtures.excerpt()).expect(201);
    const refused = await stack.reviewer.http.post('/clips').attach('file', await fixtures.excerpt());
    expect(refused.status).toBe(503);
    expect(refused.body).toMatchObject({ error: 'queue_full', retryAfterSeconds: 60 });
    expect(refused.body.message).toContain('nothing was stored');
    expect(refused.headers['retry-after']).toBe('60');
    expect(stack.incomingFiles()).toEqual([]);
  });

  it('answers 429 with Retry-After past the requests a key may make in its window, and only to that key', async () => {
    // The reviewer's key has made 2 requests above.
    const statuses: number[] = [];
    let limited: { headers: Record<string, string>; body: Record<string, unknown> } | null = null;
    for (let i = 0; i < LIMIT; i++) {
      const res = await stack.reviewer.http.get('/health');
      statuses.push(res.status);
      if (res.status === 429) limited ??= res;
    }
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    expect(limited?.body).toMatchObject({ error: 'rate_limited' });
    expect(Number(limited?.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(Number(limited?.headers['retry-after'])).toBeLessThanOrEqual(60);
    await stack.http().get('/works').expect(200);
  });

  it('refuses a JSON body over 100 KB with 413 and a clear message', async () => {
    const res = await stack.holder.http.post('/works').send({ title: 'Big', episodeCount: 1, metadata: { blob: 'x'.repeat(150_000) } });
    expect(res.status).toBe(413);
    expect(res.body).toEqual({ statusCode: 413, error: 'payload_too_large', message: 'the request body is too large' });
  });

  it('sends the headers that keep browsers from sniffing, framing or embedding its answers', async () => {
    const res = await stack.anonymous().get('/health');
    expect(res.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'referrer-policy': 'no-referrer',
      'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
    });
    expect(res.headers['x-powered-by']).toBeUndefined();
  });
});

describe('an upload the client abandons halfway', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await TestStack.start({}, { processes: 0 });
  });

  afterAll(() => stack?.stop());

  it('leaves no partial file behind', async () => {
    const server = stack.api.getHttpServer() as Server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const { contentType, body } = rawMultipart({ platform: 'douyin' }, { field: 'file', filename: 'clip.mp4', data: readFileSync(await fixtures.excerpt()) });
    const req = request({ host: '127.0.0.1', port, method: 'POST', path: '/clips', headers: { 'content-type': contentType, 'content-length': body.length, 'x-api-key': stack.reviewer.key } });
    req.on('error', () => undefined);
    req.write(body.subarray(0, body.length >> 1));
    await waitFor(async () => stack.incomingFiles().length, (n) => n > 0, 10_000);
    req.destroy();
    await waitFor(async () => stack.incomingFiles(), (files) => files.length === 0, 10_000);
    server.close();
  });
});
