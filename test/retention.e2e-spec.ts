import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { createWork, matchClip, registerEpisode } from './support/api-calls';
import { fixtures } from './support/fixtures';
import { TestStack } from './support/test-stack';
import { waitFor } from './support/wait-for';

describe('retention of suspect clips', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await TestStack.start({ retention: { clipDays: 0, intervalMs: 1_000 } }, { processes: 1 });
    await registerEpisode(stack, (await createWork(stack)).id, await fixtures.episode1(), 1);
  }, 120_000);

  afterAll(() => stack?.stop());

  const fileOf = async (clipId: string): Promise<string> => {
    const [{ media_key }] = await stack.api.get(DataSource).query('SELECT media_key FROM clips WHERE id = $1', [clipId]);
    return join(stack.config.mediaDir, media_key);
  };

  it('deletes the video of a clip no case needs once its days are over, keeping its row and result, and audits it', async () => {
    const clip = await matchClip(stack, await fixtures.unrelated());
    expect(clip).toMatchObject({ status: 'done', matches: [] });
    const file = await fileOf(clip.id);
    const purged = await waitFor(async () => (await stack.reviewer.http.get(`/clips/${clip.id}`)).body, (c) => c.mediaPurgedAt !== null, 30_000);
    expect(purged).toMatchObject({ status: 'done', verdict: 'no_match', sha256: clip.sha256 });
    expect(existsSync(file)).toBe(false);
    const log = (await stack.admin.get(`/audit?subjectType=clip&subjectId=${clip.id}`).expect(200)).body;
    expect(log.items.map((e: { action: string }) => e.action)).toEqual(['clip.media_purged']);
  });

  it('keeps the video of a clip whose case is open, as evidence', async () => {
    const clip = await matchClip(stack, await fixtures.excerpt());
    expect(clip.matches).toHaveLength(1);
    expect(clip.verdict).toBe('case_opened');
    await new Promise((r) => setTimeout(r, 3_000));
    expect((await stack.reviewer.http.get(`/clips/${clip.id}`)).body.mediaPurgedAt).toBeNull();
    expect(existsSync(await fileOf(clip.id))).toBe(true);
  });
});
