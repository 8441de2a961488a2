import { MultiBar, Presets, SingleBar } from 'cli-progress';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { ApiClient, ApiError } from './api-client';
import { planEpisodes } from './episode-files';
import { fileSha256 } from './file-digest';
import { textTable } from './text-table';

export interface RegisterOptions {
  readonly workId: string;
  readonly folder: string;
  readonly pattern: string;
  readonly pollMs: number;
}

interface Row {
  readonly fileName: string;
  readonly episode: string;
  sha256: string;
  registrationId?: string;
  number: string;
  result: string;
  ok: boolean;
}

const SETTLED = ['registered', 'failed', 'conflict', 'rejected'];

/**
 * Registers a folder of episodes of one work: numbers them from their names,
 * skips files whose SHA-256 the work already has (so an interrupted run can
 * simply be run again), uploads the rest one after another, waits until every
 * one is fingerprinted and prints one line per file. Answers whether every
 * file is registered.
 */
export async function registerFolder(api: ApiClient, o: RegisterOptions, out: NodeJS.WritableStream, progress: NodeJS.WritableStream): Promise<boolean> {
  const names = await readdir(o.folder);
  const plan = planEpisodes(names, o.pattern);
  const rows: Row[] = plan.refused.map((r) => ({ fileName: r.fileName, episode: '-', sha256: '', number: '-', result: `not sent: ${r.reason}`, ok: false }));
  const known = await registeredFiles(api, o.workId);

  const sizes = await Promise.all(plan.episodes.map((e) => stat(join(o.folder, e.fileName)).then((s) => s.size)));
  const bars = new MultiBar({ stream: progress, hideCursor: true, clearOnComplete: false, format: '{label} [{bar}] {percentage}% | {detail}' }, Presets.shades_classic);
  const upload = bars.create(Math.max(1, sizes.reduce((a, b) => a + b, 0)), 0, { label: 'upload        ', detail: '' });
  const fingerprint = bars.create(Math.max(1, plan.episodes.length * 100), 0, { label: 'fingerprinting', detail: '' });
  const pending: Row[] = [];
  let uploaded = 0;
  try {
    for (const [i, e] of plan.episodes.entries()) {
      const path = join(o.folder, e.fileName);
      const row: Row = { fileName: e.fileName, episode: String(e.episodeNumber), sha256: await fileSha256(path), number: '-', result: '', ok: false };
      rows.push(row);
      const existing = known.get(row.sha256);
      if (existing) {
        Object.assign(row, { registrationId: existing.id, number: existing.number });
        upload.update((uploaded += sizes[i]), { detail: `${e.fileName}: already sent` });
        pending.push(row);
        continue;
      }
      try {
        const created = await api.upload(`/works/${o.workId}/episodes`, { episodeNumber: String(e.episodeNumber), title: `Episode ${e.episodeNumber}` }, path, (sent) =>
          upload.update(uploaded + sent, { detail: e.fileName }),
        );
        Object.assign(row, { registrationId: created.id, number: created.number });
        pending.push(row);
      } catch (err) {
        if (!(err instanceof ApiError)) throw err;
        row.result = `refused: ${err.code}: ${err.message}`;
      }
      upload.update((uploaded += sizes[i]), { detail: e.fileName });
    }
    await settle(api, pending, known, fingerprint, o.pollMs);
  } finally {
    bars.stop();
  }
  const sorted = [...rows].sort((a, b) => (Number(a.episode) || Infinity) - (Number(b.episode) || Infinity) || a.fileName.localeCompare(b.fileName));
  out.write(textTable(['file', 'episode', 'sha256', 'registration', 'result'], sorted.map((r) => [r.fileName, r.episode, r.sha256.slice(0, 12), r.number, r.result])) + '\n');
  const failed = rows.filter((r) => !r.ok).length;
  out.write(`${rows.length - failed} of ${rows.length} file(s) registered${failed ? `, ${failed} not` : ''}\n`);
  return failed === 0;
}

/** The work's registrations by file SHA-256: what an earlier run already sent. */
async function registeredFiles(api: ApiClient, workId: string): Promise<Map<string, { id: string; number: string; status: string }>> {
  const work = await api.get(`/works/${workId}`);
  const known = new Map<string, { id: string; number: string; status: string }>();
  for (const episode of work.episodes ?? []) {
    if (!episode.registration) continue;
    const r = await api.get(`/registrations/${episode.registration.id}`);
    known.set(r.sha256, { id: r.id, number: r.number, status: r.status });
  }
  return known;
}

/** Polls every sent registration until it is settled, moving the fingerprinting bar by their progress. */
async function settle(api: ApiClient, rows: Row[], known: Map<string, { status: string }>, bar: SingleBar, pollMs: number): Promise<void> {
  const percent = new Map<Row, number>();
  const open = new Set(rows);
  bar.setTotal(Math.max(1, rows.length * 100));
  while (open.size) {
    for (const row of [...open]) {
      const r = await api.get(`/registrations/${row.registrationId}`);
      percent.set(row, SETTLED.includes(r.status) ? 100 : Number(r.progress ?? 0));
      if (!SETTLED.includes(r.status)) continue;
      open.delete(row);
      row.ok = r.status === 'registered';
      const before = known.get(row.sha256)?.status === 'registered';
      row.result = row.ok ? (before ? 'skipped: already registered' : 'registered') : `${r.status}${r.failureReason ? `: ${r.failureReason}` : ''}`;
    }
    bar.update([...percent.values()].reduce((a, b) => a + b, 0), { detail: `${rows.length - open.size} of ${rows.length} settled` });
    if (open.size) await new Promise((r) => setTimeout(r, pollMs));
  }
}
