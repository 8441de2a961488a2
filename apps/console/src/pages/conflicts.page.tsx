import { useState } from 'preact/hooks';
import type { Conflict, Page } from '../api/types';
import { ActionButton } from '../components/action-button';
import { Empty, ErrorNote, Loading } from '../components/states';
import { StatusBadge } from '../components/status-badge';
import { useResource } from '../components/use-resource';
import { formatScore, formatSeconds } from '../lib/time-format';
import type { PageProps } from './page-props';

/** Episodes held because they copy another holder's registered episode: GET /conflicts, and for admins POST /conflicts/{id}/resolve. */
export function ConflictsPage({ api, me }: PageProps) {
  const conflicts = useResource(() => api.get<Page<Conflict>>('/conflicts?pageSize=100'), []);
  const [reasons, setReasons] = useState<Record<string, string>>({});
  if (conflicts.loading && !conflicts.data) return <Loading what="conflicts" />;
  if (!conflicts.data) return <ErrorNote error={conflicts.error} />;
  return (
    <section>
      <h1>Conflicts</h1>
      {!conflicts.data.items.length && <Empty>No conflicts: no episode was found to copy another rights holder's registered episode.</Empty>}
      {conflicts.data.items.map((c) => (
        <article key={c.id} class="card">
          <h3>
            {c.registration.workTitle} episode {c.registration.episodeNumber} (<span class="mono">{c.registration.number}</span>, {c.registration.rightsHolder}) <StatusBadge status={c.status} />
          </h3>
          {c.evidence.map((e) => (
            <p key={e.registration.id}>
              matches {e.registration.workTitle} episode {e.registration.episodeNumber} (<span class="mono">{e.registration.number}</span>) of {e.registration.rightsHolder}, registered earlier: score {formatScore(e.score)}
              {e.mirrored ? ', mirrored' : ''};{' '}
              {e.segments.map((s) => `${formatSeconds(s.newStart)}–${formatSeconds(s.newEnd)} ↔ ${formatSeconds(s.registeredStart)}–${formatSeconds(s.registeredEnd)}`).join('; ')}
            </p>
          ))}
          {c.resolutionReason && <p class="muted">Decided: {c.resolutionReason}</p>}
          {me.role === 'admin' && c.status === 'open' && (
            <div class="inline-form">
              <input placeholder="reason" value={reasons[c.id] ?? ''} onInput={(e) => setReasons({ ...reasons, [c.id]: e.currentTarget.value })} />
              {(['register', 'reject'] as const).map((decision) => (
                <ActionButton
                  key={decision}
                  kind={decision === 'register' ? 'primary' : 'danger'}
                  run={async () => {
                    await api.post(`/conflicts/${c.id}/resolve`, { decision, ...(reasons[c.id] ? { reason: reasons[c.id] } : {}) });
                    conflicts.reload();
                  }}
                >
                  {decision}
                </ActionButton>
              ))}
            </div>
          )}
        </article>
      ))}
    </section>
  );
}
