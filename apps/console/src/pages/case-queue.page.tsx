import { useEffect, useRef, useState } from 'preact/hooks';
import type { CaseStatus, CaseSummary, Page, Work } from '../api/types';
import { download } from '../components/blob-image';
import { Empty, ErrorNote, Loading } from '../components/states';
import { StatusBadge } from '../components/status-badge';
import { useResource } from '../components/use-resource';
import { moveSelection, QUEUE_KEYS, queueAction } from '../lib/queue-keys';
import { formatScore } from '../lib/time-format';
import type { PageProps } from './page-props';

const STATUSES: CaseStatus[] = ['open', 'claimed', 'confirmed', 'dismissed'];
const PAGE_SIZE = 25;

/**
 * The review queue: GET /cases per status (counts from each status's total),
 * filtered by a work from GET /works,
 * POST /cases/{id}/claim|confirm|dismiss, GET /cases/{id}/report.html.
 * Keyboard: see QUEUE_KEYS.
 */
export function CaseQueuePage({ api, me, go }: PageProps) {
  const [status, setStatus] = useState<CaseStatus>('open');
  const [workId, setWorkId] = useState('');
  const [page, setPage] = useState(1);
  const [selected, setSelected] = useState(0);
  const [dismissing, setDismissing] = useState<CaseSummary | null>(null);
  const [reason, setReason] = useState('');
  const [actionError, setActionError] = useState<unknown>();
  const [flash, setFlash] = useState('');
  const works = useResource(() => api.get<Page<Work>>('/works?pageSize=100'), []);
  const filter = workId ? `&workId=${encodeURIComponent(workId)}` : '';
  const counts = useResource(
    () => Promise.all(STATUSES.map((s) => api.get<Page<CaseSummary>>(`/cases?status=${s}&pageSize=1${filter}`).then((p) => p.total))),
    [filter],
  );
  const cases = useResource(() => api.get<Page<CaseSummary>>(`/cases?status=${status}&page=${page}&pageSize=${PAGE_SIZE}${filter}`), [status, page, filter]);
  const items = cases.data?.items ?? [];
  const current = items[selected];
  const decides = me.role === 'admin' || me.role === 'reviewer';
  const reasonInput = useRef<HTMLInputElement>(null);

  const act = async (what: string, run: () => Promise<unknown>) => {
    setActionError(undefined);
    try {
      await run();
      setFlash(what);
      cases.reload();
      counts.reload();
    } catch (e) {
      setActionError(e);
    }
  };

  // A decision needs the case claimed: from the queue, one key claims an open case and decides it.
  const decide = async (c: CaseSummary, decision: 'confirm' | 'dismiss', body: object) => {
    if (c.status === 'open') await api.post(`/cases/${c.id}/claim`);
    await api.post(`/cases/${c.id}/${decision}`, body);
  };

  const actions = {
    next: () => setSelected((i) => moveSelection(i, 1, items.length)),
    previous: () => setSelected((i) => moveSelection(i, -1, items.length)),
    open: () => current && go({ page: 'case', id: current.id }),
    claim: () => current && decides && act(`claimed case of ${current.workTitle} #${current.episodeNumber}`, () => api.post(`/cases/${current.id}/claim`)),
    confirm: () => current && decides && act(`confirmed case of ${current.workTitle} #${current.episodeNumber}`, () => decide(current, 'confirm', {})),
    dismiss: () => {
      if (!current || !decides) return;
      setDismissing(current);
      setReason('');
      setTimeout(() => reasonInput.current?.focus());
    },
    report: () => current && act(`downloaded the report of case ${current.id.slice(0, 8)}`, () => download(api, `/cases/${current.id}/report.html`, `case-${current.id}.html`)),
  };

  // The listener reads the latest render through a ref: effects run a frame after rendering, so
  // a listener re-registered by an effect would act on the row selected before a quick j or k.
  const latest = useRef({ actions, dismissing });
  latest.current = { actions, dismissing };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement | null;
      const action = queueAction({ key: e.key, ctrlKey: e.ctrlKey, metaKey: e.metaKey, altKey: e.altKey, targetIsField: !!t && /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName) });
      if (!action || latest.current.dismissing) return;
      e.preventDefault();
      latest.current.actions[action]();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  useEffect(() => setSelected((i) => moveSelection(i, 0, items.length)), [items.length]);

  return (
    <section>
      <h1>Cases</h1>
      <div class="tabs" role="tablist">
        {STATUSES.map((s, i) => (
          <button
            key={s}
            role="tab"
            aria-selected={s === status}
            class={s === status ? 'tab active' : 'tab'}
            onClick={() => {
              setStatus(s);
              setPage(1);
              setSelected(0);
            }}
          >
            {s} <span class="count">{counts.data ? counts.data[i] : '…'}</span>
          </button>
        ))}
        <label class="inline">
          work{' '}
          <select
            name="workFilter"
            value={workId}
            onChange={(e) => {
              setWorkId(e.currentTarget.value);
              setPage(1);
              setSelected(0);
            }}
          >
            <option value="">every work</option>
            {works.data?.items.map((w) => (
              <option key={w.id} value={w.id}>
                {w.title}
                {w.originalTitle ? ` ${w.originalTitle}` : ''}
              </option>
            ))}
          </select>
        </label>
      </div>
      {decides && (
        <p class="shortcuts muted small">
          {QUEUE_KEYS.map(([k, , label]) => (
            <span key={k}>
              <kbd>{k}</kbd> {label}
            </span>
          ))}
        </p>
      )}
      {flash && (
        <p class="flash" role="status">
          {flash}
        </p>
      )}
      <ErrorNote error={actionError} />
      {dismissing && (
        <form
          class="reason-bar"
          onSubmit={(e) => {
            e.preventDefault();
            const c = dismissing;
            setDismissing(null);
            void act(`dismissed case of ${c.workTitle} #${c.episodeNumber}`, () => decide(c, 'dismiss', { reason }));
          }}
        >
          <label>
            Why dismiss this case? <input ref={reasonInput} name="dismissReason" value={reason} onInput={(e) => setReason(e.currentTarget.value)} required />
          </label>
          <button class="danger" type="submit">
            Dismiss
          </button>
          <button type="button" onClick={() => setDismissing(null)}>
            Cancel
          </button>
        </form>
      )}
      {cases.loading && !cases.data ? (
        <Loading what="cases" />
      ) : cases.error ? (
        <ErrorNote error={cases.error} />
      ) : !items.length ? (
        <Empty>
          No {status} cases{workId ? ' for this work' : ''}. {status === 'open' ? 'New matches of suspect clips open cases here.' : ''}
        </Empty>
      ) : (
        <>
          <table class="queue">
            <thead>
              <tr>
                <th>work</th>
                <th>episode</th>
                <th>registration</th>
                <th>rights holder</th>
                <th>score</th>
                <th>status</th>
                <th>opened</th>
              </tr>
            </thead>
            <tbody>
              {items.map((c, i) => (
                <tr key={c.id} class={i === selected ? 'selected' : ''} onClick={() => setSelected(i)} onDblClick={() => go({ page: 'case', id: c.id })}>
                  <td>
                    <a href={`#/cases/${c.id}`}>{c.workTitle}</a>
                  </td>
                  <td>{c.episodeNumber}</td>
                  <td class="mono">{c.registrationNumber}</td>
                  <td>{c.rightsHolder}</td>
                  <td>{formatScore(c.score)}</td>
                  <td>
                    <StatusBadge status={c.status} />
                  </td>
                  <td>{new Date(c.openedAt).toLocaleString()}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div class="pager">
            <button disabled={page <= 1} onClick={() => setPage(page - 1)}>
              ← previous page
            </button>
            <span>
              page {page} of {Math.max(1, Math.ceil((cases.data?.total ?? 0) / PAGE_SIZE))}
            </span>
            <button disabled={page * PAGE_SIZE >= (cases.data?.total ?? 0)} onClick={() => setPage(page + 1)}>
              next page →
            </button>
          </div>
        </>
      )}
    </section>
  );
}
