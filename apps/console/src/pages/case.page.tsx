import { useState } from 'preact/hooks';
import type { CaseDetail, Registration } from '../api/types';
import { ActionButton } from '../components/action-button';
import { BlobImage, download } from '../components/blob-image';
import { ErrorNote, Loading } from '../components/states';
import { StatusBadge } from '../components/status-badge';
import { Timeline } from '../components/timeline';
import { useResource } from '../components/use-resource';
import { signalsText } from '../lib/signals';
import { formatScore, formatSeconds } from '../lib/time-format';
import { axisLength } from '../lib/timeline-scale';
import type { PageProps } from './page-props';

/**
 * One case: GET /cases/{id} and GET /registrations/{registrationId} (the episode's
 * length), the evidence images GET /cases/{id}/evidence/{segmentId}.png, the
 * decisions POST /cases/{id}/claim|confirm|dismiss|notes, and the report
 * GET /cases/{id}/report.html and /report.
 */
export function CasePage({ api, me, id }: PageProps & { id: string }) {
  const kase = useResource(() => api.get<CaseDetail>(`/cases/${id}`), [id]);
  const registration = useResource(() => (kase.data ? api.get<Registration>(`/registrations/${kase.data.registrationId}`) : Promise.resolve(undefined)), [kase.data?.registrationId]);
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  if (kase.loading && !kase.data) return <Loading what="the case" />;
  if (!kase.data) return <ErrorNote error={kase.error} />;
  const c = kase.data;
  const decides = me.role === 'admin' || me.role === 'reviewer';
  const clipAxis = axisLength(c.clip.durationSeconds, c.segments.map((s) => ({ start: s.clipStart, end: s.clipEnd })));
  const episodeAxis = axisLength(registration.data?.durationSeconds, c.segments.map((s) => ({ start: s.episodeStart, end: s.episodeEnd })));
  const decide = async (run: () => Promise<unknown>) => {
    await run();
    kase.reload();
  };
  return (
    <section class="case">
      <p>
        <a href="#/cases">← queue</a>
      </p>
      <h1>
        {c.workTitle} · episode {c.episodeNumber} <StatusBadge status={c.status} />
      </h1>
      <dl class="facts">
        <dt>registration</dt>
        <dd class="mono">{c.registrationNumber}</dd>
        <dt>rights holder</dt>
        <dd>{c.rightsHolder}</dd>
        <dt>score</dt>
        <dd data-testid="case-score">{formatScore(c.score)}</dd>
        <dt>signals</dt>
        <dd data-testid="case-signals">{signalsText(c.signals)}</dd>
        <dt>mirrored</dt>
        <dd>{c.mirrored ? 'yes (the clip is flipped left–right)' : 'no'}</dd>
        <dt>edits</dt>
        <dd data-testid="case-edits">
          {c.edits ? (
            <ul class="edits">
              {c.edits.summary.map((e) => (
                <li key={e}>{e}</li>
              ))}
            </ul>
          ) : (
            <span class="muted">not recorded (matched before edits were)</span>
          )}
        </dd>
        <dt>clip</dt>
        <dd>
          {c.clip.fileName} ({formatSeconds(c.clip.durationSeconds)}){c.clip.platform ? ` on ${c.clip.platform}` : ''}
          {c.clip.uploaderAccount ? ` by ${c.clip.uploaderAccount}` : ''}
          {c.clip.territory ? ` in ${c.clip.territory}` : ''}
        </dd>
        <dt>opened</dt>
        <dd>{new Date(c.openedAt).toLocaleString()}</dd>
        {c.decisionReason && (
          <>
            <dt>decision</dt>
            <dd>{c.decisionReason}</dd>
          </>
        )}
      </dl>

      <h2>Matched segments</h2>
      <Timeline label="clip" duration={clipAxis} marks={c.segments.map((s, i) => ({ start: s.clipStart, end: s.clipEnd, label: `#${i + 1}` }))} />
      <Timeline
        label={`episode ${c.episodeNumber}${registration.data ? ` “${registration.data.episode.title}”` : ''}`}
        duration={episodeAxis}
        marks={c.segments.map((s, i) => ({ start: s.episodeStart, end: s.episodeEnd, label: `#${i + 1}` }))}
      />
      <table>
        <thead>
          <tr>
            <th>#</th>
            <th>clip</th>
            <th>episode</th>
            <th>speed</th>
            <th>score</th>
          </tr>
        </thead>
        <tbody>
          {c.segments.map((s, i) => (
            <tr key={s.id}>
              <td>{i + 1}</td>
              <td>
                {formatSeconds(s.clipStart)} – {formatSeconds(s.clipEnd)}
              </td>
              <td>
                {formatSeconds(s.episodeStart)} – {formatSeconds(s.episodeEnd)}
              </td>
              <td>{s.speed.toFixed(2)}×</td>
              <td>{formatScore(s.score)}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2>Evidence: clip left, episode right</h2>
      <div class="evidence-list">
        {c.segments.map((s, i) => (
          <figure key={s.id}>
            <BlobImage api={api} path={`/cases/${c.id}/evidence/${s.id}.png`} alt={`segment ${i + 1}: clip frames beside episode frames`} />
            <figcaption>
              segment {i + 1}: clip {formatSeconds(s.clipStart)} ↔ episode {formatSeconds(s.episodeStart)}
            </figcaption>
          </figure>
        ))}
      </div>

      <h2>Decision</h2>
      {decides ? (
        <div class="decision">
          <ActionButton kind="primary" disabled={c.status !== 'open'} run={() => decide(() => api.post(`/cases/${c.id}/claim`))}>
            Claim
          </ActionButton>
          <label>
            Reason <input name="decisionReason" value={reason} placeholder="required to dismiss" onInput={(e) => setReason(e.currentTarget.value)} />
          </label>
          <ActionButton kind="primary" disabled={c.status !== 'claimed'} run={() => decide(() => api.post(`/cases/${c.id}/confirm`, reason ? { reason } : {}))}>
            Confirm infringement
          </ActionButton>
          <ActionButton kind="danger" disabled={c.status !== 'claimed'} run={() => decide(() => api.post(`/cases/${c.id}/dismiss`, { reason }))}>
            Dismiss
          </ActionButton>
        </div>
      ) : (
        <p class="muted">Reviewers decide cases; you see their decision here.</p>
      )}
      <p>
        <ActionButton run={() => download(api, `/cases/${c.id}/report.html`, `case-${c.id}.html`)}>Download report (HTML)</ActionButton>{' '}
        <ActionButton run={() => download(api, `/cases/${c.id}/report`, `case-${c.id}.json`)}>Download report (JSON)</ActionButton>
      </p>

      <h2>Notes</h2>
      {c.notes.length ? (
        <ul class="notes">
          {c.notes.map((n) => (
            <li key={n.id}>
              <span class="muted">{new Date(n.createdAt).toLocaleString()}</span> {n.text}
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">No notes yet.</p>
      )}
      {decides && (
        <div class="inline-form">
          <input name="note" value={note} placeholder="add a note" onInput={(e) => setNote(e.currentTarget.value)} />
          <ActionButton
            disabled={!note.trim()}
            run={() =>
              decide(async () => {
                await api.post(`/cases/${c.id}/notes`, { text: note });
                setNote('');
              })
            }
          >
            Add note
          </ActionButton>
        </div>
      )}

      <h2>History</h2>
      <ol class="history">
        {c.history.map((h) => (
          <li key={h.id}>
            <span class="muted">{new Date(h.at).toLocaleString()}</span> <strong>{h.action}</strong>
            {h.after?.status ? ` → ${String(h.after.status)}` : ''}
            {h.after?.decisionReason || h.after?.text ? ` (“${String(h.after.decisionReason ?? h.after.text)}”)` : ''}
          </li>
        ))}
      </ol>
    </section>
  );
}
