import { useState } from 'preact/hooks';
import type { UploadProgress } from '../api/api-client';
import type { Registration, Work } from '../api/types';
import { DropZone } from '../components/drop-zone';
import { ErrorNote, Loading } from '../components/states';
import { StatusBadge } from '../components/status-badge';
import { ProgressBar } from '../components/progress-bar';
import { useResource } from '../components/use-resource';
import { episodeNumberFromName, titleFromName } from '../lib/episode-files';
import type { PageProps } from './page-props';

const SETTLED = ['registered', 'failed', 'conflict', 'rejected'];

interface Upload {
  readonly file: File;
  readonly episodeNumber: number | null;
  progress: UploadProgress | null;
  registration?: Registration;
  error?: unknown;
}

/**
 * A work and its episodes (GET /works/{id}, polled while any episode is still
 * being registered); many episode files dropped at once go up one by one with
 * their own progress bars (POST /works/{id}/episodes), numbered from their names.
 */
export function WorkPage({ api, me, id }: PageProps & { id: string }) {
  const [uploads, setUploads] = useState<Upload[]>([]);
  const pending = (w: Work) => w.episodes.some((e) => e.registration && !SETTLED.includes(e.registration.status));
  const work = useResource(() => api.get<Work>(`/works/${id}`), [id, uploads.filter((u) => u.registration).length], { pollMs: 1_000, keepPolling: pending });
  const uploadsHere = me.role === 'rights_holder' || me.role === 'admin';

  const add = async (files: File[]) => {
    const base = uploads.length;
    const fresh: Upload[] = files.map((file) => ({ file, episodeNumber: episodeNumberFromName(file.name), progress: null }));
    setUploads((all) => [...all, ...fresh]);
    const update = (index: number, patch: Partial<Upload>) => setUploads((all) => all.map((u, i) => (i === index ? { ...u, ...patch } : u)));
    // One at a time: parallel uploads would only share the same link and reach the queue in random order.
    for (const [j, u] of fresh.entries()) {
      if (u.episodeNumber === null) {
        update(base + j, { error: new Error('no episode number in the file name (name it e.g. "EP03.mp4" or "第3集.mp4")') });
        continue;
      }
      const form = new FormData();
      form.append('episodeNumber', String(u.episodeNumber));
      form.append('title', titleFromName(u.file.name));
      form.append('file', u.file);
      try {
        update(base + j, { registration: await api.upload<Registration>(`/works/${id}/episodes`, form, (progress) => update(base + j, { progress })) });
      } catch (error) {
        update(base + j, { error });
      }
    }
  };

  if (work.loading && !work.data) return <Loading what="the work" />;
  if (!work.data) return <ErrorNote error={work.error} />;
  const w = work.data;
  return (
    <section>
      <p>
        <a href="#/works">← works</a>
      </p>
      <h1>
        {w.title} {w.originalTitle && <span lang="zh">{w.originalTitle}</span>}
      </h1>
      <p class="muted">
        {w.rightsHolder} · {w.episodeCount} episodes{w.year ? ` · ${w.year}` : ''}
        {w.language ? ` · ${w.language}` : ''}
      </p>
      {uploadsHere && (
        <>
          <DropZone name="episodeFiles" multiple onFiles={(files) => void add(files)}>
            Drop episode files here (many at once), or choose them. The episode number is read from each name: “EP03.mp4”, “第3集.mp4”, “bride-03.mp4”.
          </DropZone>
          {uploads.length > 0 && (
            <table class="uploads">
              <thead>
                <tr>
                  <th>file</th>
                  <th>episode</th>
                  <th>upload</th>
                  <th>registration</th>
                </tr>
              </thead>
              <tbody>
                {uploads.map((u, i) => {
                  const live = u.registration && w.episodes.find((e) => e.registration?.id === u.registration!.id)?.registration;
                  const reg = live ?? u.registration;
                  return (
                    <tr key={i} data-testid="upload-row">
                      <td>{u.file.name}</td>
                      <td>{u.episodeNumber ?? '?'}</td>
                      <td>{u.error ? <ErrorNote error={u.error} /> : <ProgressBar label={`upload of ${u.file.name}`} progress={u.registration ? { loaded: 1, total: 1 } : u.progress} />}</td>
                      <td>
                        {reg && (
                          <>
                            <a class="mono" href={`#/registrations/${reg.id}`}>
                              {reg.number}
                            </a>{' '}
                            <StatusBadge status={reg.status} /> {reg.status === 'fingerprinting' ? `${reg.progress}%` : ''}
                            {reg.failureReason ? ` ${reg.failureReason}` : ''}
                          </>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
        </>
      )}
      <h2>Episodes</h2>
      {w.episodes.length ? (
        <table>
          <thead>
            <tr>
              <th>#</th>
              <th>title</th>
              <th>registration</th>
              <th>status</th>
            </tr>
          </thead>
          <tbody>
            {w.episodes.map((e) => (
              <tr key={e.id} data-testid="episode-row">
                <td>{e.number}</td>
                <td>{e.title}</td>
                <td class="mono">{e.registration ? <a href={`#/registrations/${e.registration.id}`}>{e.registration.number}</a> : '—'}</td>
                <td>
                  {e.registration && <StatusBadge status={e.registration.status} />} {e.registration?.status === 'fingerprinting' ? `${e.registration.progress}%` : ''}
                  {e.registration?.failureReason ? <span class="muted"> {e.registration.failureReason}</span> : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p class="muted">No episode registered yet.</p>
      )}
    </section>
  );
}
