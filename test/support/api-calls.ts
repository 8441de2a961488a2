import { fixtures } from './fixtures';
import type { HttpClient } from './http-client';
import type { TestStack } from './test-stack';
import { waitFor } from './wait-for';

type Body = Record<string, any>;

/** A work of the stack's default rights holder, or of the holder whose client is given. */
export async function createWork(stack: TestStack, fields: Body = {}, as: HttpClient = stack.http()): Promise<Body> {
  const res = await as.post('/works').send({ title: 'The Secret Bride', episodeCount: 10, ...fields }).expect(201);
  return res.body;
}

/** The HTTP status and the body of an episode upload. */
export async function uploadEpisode(
  stack: TestStack,
  workId: string,
  file: string,
  episodeNumber: number,
  as: HttpClient = stack.http(),
): Promise<{ code: number; body: Body }> {
  const res = await as
    .post(`/works/${workId}/episodes`)
    .attach('file', file)
    .field('episodeNumber', String(episodeNumber))
    .field('title', `Episode ${episodeNumber}`);
  return { code: res.status, body: res.body };
}

/** Registers an episode and waits until it is matchable (or failed, or held in conflict). */
export async function registerEpisode(stack: TestStack, workId: string, file: string, episodeNumber: number, as: HttpClient = stack.http()): Promise<Body> {
  const created = await uploadEpisode(stack, workId, file, episodeNumber, as);
  if (created.code !== 201) throw new Error(`upload refused: ${JSON.stringify(created)}`);
  return settledRegistration(stack, created.body.id, as);
}

/** Two works, on shards 0 and 1 of a stack of two, and an episode of each registered: the compilation fixture cuts from both. */
export async function episodesOnTwoShards(stack: TestStack): Promise<{ first: Body; second: Body }> {
  const a = await createWork(stack, { title: 'Shard A' });
  const b = await createWork(stack, { title: 'Shard B' });
  expect([a.shard, b.shard]).toEqual([0, 1]);
  const first = await registerEpisode(stack, a.id, await fixtures.episode2(), 1);
  const second = await registerEpisode(stack, b.id, await fixtures.episode3(), 1);
  expect([first.status, second.status]).toEqual(['registered', 'registered']);
  return { first, second };
}

export function settledRegistration(stack: TestStack, id: string, as: HttpClient = stack.http()): Promise<Body> {
  return waitFor(
    async () => (await as.get(`/registrations/${id}`)).body as Body,
    (r) => ['registered', 'failed', 'conflict'].includes(r.status),
  );
}

/** Submits a clip as the reviewer (with optional form fields) and waits for its result. */
export async function matchClip(stack: TestStack, file: string, fields: Record<string, string> = {}): Promise<Body> {
  let req = stack.reviewer.http.post('/clips');
  for (const [k, v] of Object.entries(fields)) req = req.field(k, v);
  const res = await req.attach('file', file).expect(201);
  return settledClip(stack, res.body.id);
}

export function settledClip(stack: TestStack, id: string): Promise<Body> {
  return waitFor(
    async () => (await stack.reviewer.http.get(`/clips/${id}`)).body as Body,
    (c) => ['done', 'incomplete', 'failed'].includes(c.status),
  );
}
