import { useState } from 'preact/hooks';
import type { UploadProgress } from '../api/api-client';
import type { Clip } from '../api/types';
import { DropZone } from '../components/drop-zone';
import { Empty, ErrorNote, Loading } from '../components/states';
import { StatusBadge } from '../components/status-badge';
import { ProgressBar } from '../components/progress-bar';
import { useResource } from '../components/use-resource';
import { formatScore, formatSeconds } from '../lib/time-format';
import type { PageProps } from './page-props';

const DONE = ['done', 'failed', 'incomplete'];

function ClipResult({ api, id }: PageProps & { id: string }) {
  const clip = useResource(() => api.get<Clip>(`/clips/${id}`), [id], { pollMs: 1_000, keepPolling: (c) => !DONE.includes(c.status) });
  if (!clip.data) return clip.error ? <ErrorNote error={clip.error} /> : <Loading what="the clip" />;
  const c = clip.data;
  return (
    <article class="card" data-testid="clip-result">
      <h3>
        {c.fileName} <StatusBadge status={c.status} /> <span class="muted">verdict: {c.verdict.replace(/_/g, ' ')}</span>
      </h3>
      {!DONE.includes(c.status) && <p class="muted">Matching… {c.progress}%</p>}
      {c.failureReason && <ErrorNote error={new Error(c.failureReason)} />}
      {c.status === 'done' && !c.matches.length && <Empty>No registered episode found in this clip.</Empty>}
      {c.matches.map((m) => (
        <div key={m.registrationId} class="match">
          <strong>{m.workTitle}</strong> episode {m.episodeNumber} ({m.registrationNumber}), {m.rightsHolder}: score {formatScore(m.score)}
          {m.mirrored ? ', mirrored' : ''}, {m.segments.map((s) => `${formatSeconds(s.clipStart)}–${formatSeconds(s.clipEnd)} ↔ ${formatSeconds(s.episodeStart)}–${formatSeconds(s.episodeEnd)}`).join('; ')}{' '}
          {m.caseId ? <a href={`#/cases/${m.caseId}`}>open the case →</a> : m.verdict === 'licensed' ? <span class="badge status-registered">licensed</span> : null}
        </div>
      ))}
    </article>
  );
}

/** Submit suspect clips (POST /clips with where they were found) and follow their matching (GET /clips/{id}). */
export function ClipsPage(props: PageProps) {
  const { api } = props;
  const [fields, setFields] = useState({ platform: '', uploaderAccount: '', territory: '', usedOn: '' });
  const [uploads, setUploads] = useState<{ name: string; progress: UploadProgress | null; id?: string; error?: unknown }[]>([]);
  const set = (k: keyof typeof fields) => (e: { currentTarget: HTMLInputElement }) => setFields({ ...fields, [k]: e.currentTarget.value });
  const submit = (files: File[]) => {
    files.forEach((file, j) => {
      const index = uploads.length + j;
      const update = (patch: object) => setUploads((all) => all.map((u, i) => (i === index ? { ...u, ...patch } : u)));
      setUploads((all) => [...all, { name: file.name, progress: null }]);
      const form = new FormData();
      for (const [k, v] of Object.entries(fields)) if (v.trim()) form.append(k, v.trim());
      form.append('file', file);
      api.upload<Clip>('/clips', form, (progress) => update({ progress })).then(
        (clip) => update({ id: clip.id }),
        (error: unknown) => update({ error }),
      );
    });
  };
  return (
    <section>
      <h1>Suspect clips</h1>
      <p class="muted">Where was the clip found? All fields are optional; a licence of the uploader account's licensee is checked against them.</p>
      <div class="form-grid">
        <label>
          platform <input name="platform" value={fields.platform} placeholder="douyin" onInput={set('platform')} />
        </label>
        <label>
          uploader account <input name="uploaderAccount" value={fields.uploaderAccount} placeholder="@pirate-shorts" onInput={set('uploaderAccount')} />
        </label>
        <label>
          territory <input name="territory" value={fields.territory} placeholder="SG" onInput={set('territory')} />
        </label>
        <label>
          used on <input name="usedOn" type="date" value={fields.usedOn} onInput={set('usedOn')} />
        </label>
      </div>
      <DropZone name="clipFiles" multiple onFiles={submit}>
        Drop clips here or choose files
      </DropZone>
      {!uploads.length && <Empty>No clip submitted in this session yet.</Empty>}
      {uploads.map((u, i) => (
        <div key={i}>
          {!u.id && !u.error && <ProgressBar label={`upload of ${u.name}`} progress={u.progress} />}
          {u.error ? <ErrorNote error={u.error} /> : null}
          {u.id && <ClipResult {...props} id={u.id} />}
        </div>
      ))}
    </section>
  );
}
