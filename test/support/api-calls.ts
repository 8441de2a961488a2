import type { TestStack } from './test-stack';
import { waitFor } from './wait-for';

type Body = Record<string, any>;

export async function createWork(stack: TestStack, fields: Body = {}): Promise<Body> {
  const res = await stack
    .http()
    .post('/works')
    .send({ rightsHolder: 'Golden Reel Studio', title: 'The Secret Bride', episodeCount: 10, ...fields })
    .expect(201);
  return res.body;
}

/** The HTTP status and the body of an episode upload. */
export async function uploadEpisode(stack: TestStack, workId: string, file: string, episodeNumber: number): Promise<{ code: number; body: Body }> {
  const res = await stack
    .http()
    .post(`/works/${workId}/episodes`)
    .attach('file', file)
    .field('episodeNumber', String(episodeNumber))
    .field('title', `Episode ${episodeNumber}`);
  return { code: res.status, body: res.body };
}

/** Registers an episode and waits until it is matchable (or failed). */
export async function registerEpisode(stack: TestStack, workId: string, file: string, episodeNumber: number): Promise<Body> {
  const created = await uploadEpisode(stack, workId, file, episodeNumber);
  if (created.code !== 201) throw new Error(`upload refused: ${JSON.stringify(created)}`);
  return settledRegistration(stack, created.body.id);
}

export function settledRegistration(stack: TestStack, id: string): Promise<Body> {
  return waitFor(
    async () => (await stack.http().get(`/registrations/${id}`)).body as Body,
    (r) => r.status === 'registered' || r.status === 'failed',
  );
}

/** Submits a clip and waits for its result. */
export async function matchClip(stack: TestStack, file: string): Promise<Body> {
  const res = await stack.http().post('/clips').attach('file', file).expect(201);
  return waitFor(
    async () => (await stack.http().get(`/clips/${res.body.id}`)).body as Body,
    (c) => c.status === 'done' || c.status === 'failed',
  );
}
