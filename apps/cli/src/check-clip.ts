import { SingleBar, Presets } from 'cli-progress';
import { stat } from 'node:fs/promises';
import { ApiClient } from './api-client';
import { textTable } from './text-table';

const SETTLED = ['done', 'incomplete', 'failed'];

/**
 * Submits a suspect clip (reviewer or admin key), waits for its result and
 * prints the verdict: every registered episode it copies, with its segments.
 * Answers whether the clip was matched (found something or not) to the end.
 */
export async function checkClip(api: ApiClient, path: string, fields: Record<string, string>, pollMs: number, out: NodeJS.WritableStream, progress: NodeJS.WritableStream): Promise<boolean> {
  const size = (await stat(path)).size;
  const bar = new SingleBar({ stream: progress, format: '{label} [{bar}] {percentage}%', hideCursor: true }, Presets.shades_classic);
  bar.start(Math.max(1, size), 0, { label: 'upload  ' });
  let clip = await api.upload('/clips', fields, path, (sent) => bar.update(sent));
  bar.update(size);
  bar.setTotal(100);
  bar.update(0, { label: 'matching' });
  while (!SETTLED.includes(clip.status)) {
    await new Promise((r) => setTimeout(r, pollMs));
    clip = await api.get(`/clips/${clip.id}`);
    bar.update(Number(clip.progress ?? 0));
  }
  bar.update(100);
  bar.stop();
  out.write(`clip ${clip.id} (SHA-256 ${clip.sha256}): ${clip.status}${clip.failureReason ? `: ${clip.failureReason}` : ''}\n`);
  const matches = (clip.matches ?? []) as Array<Record<string, any>>;
  if (!matches.length) out.write(clip.status === 'failed' ? '' : 'verdict: no registered episode found in this clip\n');
  for (const m of matches) {
    out.write(`verdict: ${m.verdict ?? 'match'}: ${m.registrationNumber}, "${m.workTitle}" episode ${m.episodeNumber} of ${m.rightsHolder}, score ${Number(m.score).toFixed(3)}${m.caseId ? `, case ${m.caseId}` : ''}\n`);
    const segments = (m.segments ?? []) as Array<Record<string, number>>;
    out.write(
      textTable(
        ['clip', 'episode', 'score'],
        segments.map((s) => [`${s.clipStart.toFixed(2)}-${s.clipEnd.toFixed(2)} s`, `${s.episodeStart.toFixed(2)}-${s.episodeEnd.toFixed(2)} s`, s.score.toFixed(3)]),
      ) + '\n',
    );
  }
  return clip.status !== 'failed';
}
