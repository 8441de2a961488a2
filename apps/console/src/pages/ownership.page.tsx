import { useState } from 'preact/hooks';
import type { UploadProgress } from '../api/api-client';
import type { OwnedWork, OwnerRecord, OwnershipQuery, Page } from '../api/types';
import { ActionButton } from '../components/action-button';
import { DropZone } from '../components/drop-zone';
import { Empty, ErrorNote, Loading } from '../components/states';
import { ProgressBar } from '../components/progress-bar';
import { useResource } from '../components/use-resource';
import { formatScore } from '../lib/time-format';
import type { PageProps } from './page-props';

function ClipAnswer({ api, id }: PageProps & { id: string }) {
  const q = useResource(() => api.get<OwnershipQuery>(`/ownership/clips/${id}`), [id], { pollMs: 1_000, keepPolling: (d) => !['done', 'failed', 'incomplete'].includes(d.status) });
  if (!q.data) return q.error ? <ErrorNote error={q.error} /> : <Loading what="the answer" />;
  const d = q.data;
  if (!['done', 'failed', 'incomplete'].includes(d.status)) return <Loading what={`the answer (${d.status})`} />;
  if (d.failureReason) return <ErrorNote error={new Error(d.failureReason)} />;
  if (!d.answers.length) return <Empty>Nothing registered was found in this clip.</Empty>;
  return (
    <ul class="answers" data-testid="clip-answers">
      {d.answers.map((a) => (
        <li key={a.registrationNumber} class={a.licensed ? 'licensed' : 'unlicensed'}>
          <strong>{a.licensed ? 'Covered by your licence' : 'Not covered by any licence of yours'}</strong>
          <p>{a.summary}</p>
          <p class="muted small">
            {a.registrationNumber} · score {formatScore(a.score)}
          </p>
        </li>
      ))}
    </ul>
  );
}

/**
 * Who owns this: a registration number (GET /ownership/registrations/{number}),
 * a title (GET /ownership/works?title=), or the footage of a clip (licensees:
 * POST /ownership/clips, then GET /ownership/clips/{id}) with the licence answer.
 */
export function OwnershipPage(props: PageProps) {
  const { api, me } = props;
  const [number, setNumber] = useState('');
  const [byNumber, setByNumber] = useState<OwnerRecord | null>(null);
  const [title, setTitle] = useState('');
  const [byTitle, setByTitle] = useState<Page<OwnedWork> | null>(null);
  const [use, setUse] = useState({ platform: '', territory: '', usedOn: '' });
  const [clip, setClip] = useState<{ name: string; progress: UploadProgress | null; id?: string; error?: unknown } | null>(null);
  const ask = (file: File | undefined) => {
    if (!file) return;
    setClip({ name: file.name, progress: null });
    const form = new FormData();
    for (const [k, v] of Object.entries(use)) if (v.trim()) form.append(k, v.trim());
    form.append('file', file);
    api.upload<OwnershipQuery>('/ownership/clips', form, (progress) => setClip((c) => c && { ...c, progress })).then(
      (q) => setClip((c) => c && { ...c, id: q.id }),
      (error: unknown) => setClip((c) => c && { ...c, error }),
    );
  };
  return (
    <section>
      <h1>Who owns this?</h1>
      <div class="card">
        <h2>A registration number</h2>
        <div class="inline-form">
          <input name="registrationNumber" value={number} placeholder="DG-2026-000042" onInput={(e) => setNumber(e.currentTarget.value)} />
          <ActionButton kind="primary" run={async () => setByNumber(await api.get<OwnerRecord>(`/ownership/registrations/${encodeURIComponent(number.trim())}`))}>
            Look up
          </ActionButton>
        </div>
        {byNumber && (
          <p data-testid="owner-by-number">
            <span class="mono">{byNumber.registrationNumber}</span>: episode {byNumber.episodeNumber} “{byNumber.episodeTitle}” of <strong>{byNumber.workTitle}</strong>, owned by <strong>{byNumber.owner}</strong>, registered{' '}
            {new Date(byNumber.registeredAt).toLocaleString()}
          </p>
        )}
      </div>
      <div class="card">
        <h2>A title</h2>
        <div class="inline-form">
          <input name="title" value={title} placeholder="secret bride / 秘密新娘" onInput={(e) => setTitle(e.currentTarget.value)} />
          <ActionButton kind="primary" run={async () => setByTitle(await api.get<Page<OwnedWork>>(`/ownership/works?title=${encodeURIComponent(title.trim())}`))}>
            Search
          </ActionButton>
        </div>
        {byTitle &&
          (byTitle.items.length ? (
            <ul>
              {byTitle.items.map((w) => (
                <li key={w.workId}>
                  <strong>{w.title}</strong> {w.originalTitle && <span lang="zh">{w.originalTitle}</span>}, owned by {w.owner}: {w.registeredEpisodes.length} of {w.episodeCount} episodes registered
                </li>
              ))}
            </ul>
          ) : (
            <Empty>No registered work has that in its title.</Empty>
          ))}
      </div>
      {me.role === 'licensee' && (
        <div class="card">
          <h2>The footage of a clip</h2>
          <p class="muted">Where do you mean to use it? Your licences are checked against the platform, territory and day.</p>
          <div class="form-grid">
            <label>
              platform <input name="usePlatform" value={use.platform} placeholder="douyin" onInput={(e) => setUse({ ...use, platform: e.currentTarget.value })} />
            </label>
            <label>
              territory <input name="useTerritory" value={use.territory} placeholder="SG" onInput={(e) => setUse({ ...use, territory: e.currentTarget.value })} />
            </label>
            <label>
              day <input name="useDay" type="date" value={use.usedOn} onInput={(e) => setUse({ ...use, usedOn: e.currentTarget.value })} />
            </label>
          </div>
          <DropZone name="lookupClip" multiple={false} onFiles={(files) => ask(files[0])}>
            Drop the clip here or choose it
          </DropZone>
          {clip && !clip.id && !clip.error && <ProgressBar label={`upload of ${clip.name}`} progress={clip.progress} />}
          {clip?.error ? <ErrorNote error={clip.error} /> : null}
          {clip?.id && <ClipAnswer {...props} id={clip.id} />}
        </div>
      )}
    </section>
  );
}
