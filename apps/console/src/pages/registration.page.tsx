import { useState } from 'preact/hooks';
import type { Registration } from '../api/types';
import { ActionButton } from '../components/action-button';
import { download } from '../components/blob-image';
import { ErrorNote, Loading } from '../components/states';
import { StatusBadge } from '../components/status-badge';
import { Timeline } from '../components/timeline';
import { useResource } from '../components/use-resource';
import { formatSeconds } from '../lib/time-format';
import type { TimeRange } from '../lib/timeline-scale';
import type { PageProps } from './page-props';

const SETTLED = ['registered', 'failed', 'conflict', 'rejected'];

/**
 * A registration: GET /registrations/{id} (polled until settled), its signed
 * certificate (GET …/certificate, .sig, .html) and its exclusions, drawn on the
 * episode's timeline (POST/DELETE /registrations/{id}/exclusions).
 */
export function RegistrationPage({ api, me, id }: PageProps & { id: string }) {
  const reg = useResource(() => api.get<Registration>(`/registrations/${id}`), [id], { pollMs: 1_000, keepPolling: (r) => !SETTLED.includes(r.status) });
  const certificate = useResource(() => (reg.data?.status === 'registered' ? api.text(`/registrations/${id}/certificate`) : Promise.resolve(null)), [reg.data?.status]);
  const [draft, setDraft] = useState<TimeRange | null>(null);
  const [reason, setReason] = useState('');
  if (reg.loading && !reg.data) return <Loading what="the registration" />;
  if (!reg.data) return <ErrorNote error={reg.error} />;
  const r = reg.data;
  const edits = me.role === 'admin' || me.role === 'rights_holder';
  return (
    <section>
      <p>
        <a href={`#/works/${r.work.id}`}>← {r.work.title}</a>
      </p>
      <h1>
        <span class="mono">{r.number}</span> <StatusBadge status={r.status} />
      </h1>
      <dl class="facts">
        <dt>episode</dt>
        <dd>
          {r.episode.number} “{r.episode.title}” of {r.work.title}
        </dd>
        <dt>rights holder</dt>
        <dd>{r.work.rightsHolder}</dd>
        <dt>file</dt>
        <dd>
          {r.fileName}, {(r.sizeBytes / 1e6).toFixed(1)} MB, {r.width}×{r.height}, {formatSeconds(r.durationSeconds)}
        </dd>
        <dt>received</dt>
        <dd>{new Date(r.receivedAt).toLocaleString()}</dd>
        <dt>registered</dt>
        <dd>{r.registeredAt ? new Date(r.registeredAt).toLocaleString() : r.status === 'fingerprinting' ? `fingerprinting, ${r.progress}%` : '—'}</dd>
        {r.failureReason && (
          <>
            <dt>why it failed</dt>
            <dd>{r.failureReason}</dd>
          </>
        )}
      </dl>

      <h2>Certificate</h2>
      {r.status !== 'registered' ? (
        <p class="muted">The certificate is issued once the episode is registered.</p>
      ) : certificate.error ? (
        <ErrorNote error={certificate.error} />
      ) : (
        <>
          <pre class="certificate">{certificate.data ? JSON.stringify(JSON.parse(certificate.data), null, 2) : '…'}</pre>
          <p>
            <ActionButton run={() => download(api, `/registrations/${id}/certificate`, 'cert.json')}>cert.json</ActionButton>{' '}
            <ActionButton run={() => download(api, `/registrations/${id}/certificate.sig`, 'cert.sig.b64')}>cert.sig (base64)</ActionButton>{' '}
            <ActionButton run={() => download(api, `/registrations/${id}/certificate.html`, `certificate-${r.number}.html`)}>printable certificate</ActionButton>{' '}
            <a href="/keys/signing" download="signing.pem">
              signing key (public)
            </a>
          </p>
          <details>
            <summary>Verify it offline</summary>
            <pre>{`base64 -d cert.sig.b64 > cert.sig
openssl pkeyutl -verify -pubin -inkey signing.pem -rawin -in cert.json -sigfile cert.sig
# Signature Verified Successfully`}</pre>
            <p class="muted small">Keep cert.json byte for byte: re-saving or pretty-printing it changes the signed bytes.</p>
          </details>
        </>
      )}

      <h2>Exclusions</h2>
      <p class="muted">Ranges of this episode that are not yours (a platform sting, licensed stock footage) are never matched.{edits ? ' Drag across the timeline to mark one.' : ''}</p>
      <Timeline
        label="episode"
        duration={r.durationSeconds}
        marks={[...r.exclusions.map((x) => ({ start: x.startSeconds, end: x.endSeconds, label: x.reason, kind: 'exclusion' as const })), ...(draft ? [{ ...draft, label: 'new', kind: 'draft' as const }] : [])]}
        onDraw={edits ? setDraft : undefined}
      />
      {draft && (
        <div class="inline-form">
          <span>
            {formatSeconds(draft.start)} – {formatSeconds(draft.end)}
          </span>
          <input name="exclusionReason" value={reason} placeholder="why (e.g. distributor logo sting)" onInput={(e) => setReason(e.currentTarget.value)} />
          <ActionButton
            kind="primary"
            run={async () => {
              await api.post(`/registrations/${id}/exclusions`, { startSeconds: draft.start, endSeconds: draft.end, reason });
              setDraft(null);
              setReason('');
              reg.reload();
            }}
          >
            Exclude
          </ActionButton>
          <button type="button" onClick={() => setDraft(null)}>
            Cancel
          </button>
        </div>
      )}
      {r.exclusions.length ? (
        <ul>
          {r.exclusions.map((x) => (
            <li key={x.id}>
              {formatSeconds(x.startSeconds)} – {formatSeconds(x.endSeconds)}: {x.reason}{' '}
              {edits && (
                <ActionButton
                  kind="danger"
                  run={async () => {
                    await api.delete(`/registrations/${id}/exclusions/${x.id}`);
                    reg.reload();
                  }}
                >
                  remove
                </ActionButton>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">No exclusions: the whole episode is matched.</p>
      )}
    </section>
  );
}
