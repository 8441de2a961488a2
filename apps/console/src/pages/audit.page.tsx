import { useState } from 'preact/hooks';
import type { AuditEntry, Page } from '../api/types';
import { ActionButton } from '../components/action-button';
import { Empty, ErrorNote, Loading } from '../components/states';
import { useResource } from '../components/use-resource';
import type { PageProps } from './page-props';

/** The audit log in the order it was written (GET /audit with a subject filter), and a check of its hash chain (GET /audit/verify). */
export function AuditPage({ api }: PageProps) {
  const [subjectType, setSubjectType] = useState('');
  const [page, setPage] = useState(1);
  const query = `page=${page}&pageSize=50${subjectType ? `&subjectType=${encodeURIComponent(subjectType)}` : ''}`;
  const entries = useResource(() => api.get<Page<AuditEntry>>(`/audit?${query}`), [query]);
  const [chain, setChain] = useState<{ valid: boolean; checked: number; brokenAt: string | null; head: string } | null>(null);
  return (
    <section>
      <h1>Audit log</h1>
      <div class="inline-form">
        <label class="inline">
          subject{' '}
          <select value={subjectType} onChange={(e) => setSubjectType(e.currentTarget.value)}>
            {['', 'account', 'api_key', 'work', 'registration', 'licence', 'case', 'conflict', 'clip'].map((t) => (
              <option key={t} value={t}>
                {t || 'all'}
              </option>
            ))}
          </select>
        </label>
        <ActionButton run={async () => setChain(await api.get('/audit/verify'))}>Verify the chain</ActionButton>
        {chain && (
          <span class={chain.valid ? 'flash' : 'state error'}>
            {chain.valid ? `intact: ${chain.checked} entries, head ${chain.head.slice(0, 16)}…` : `broken at entry ${chain.brokenAt} (${chain.checked} good before it)`}
          </span>
        )}
      </div>
      {entries.loading && !entries.data ? (
        <Loading what="the audit log" />
      ) : entries.error ? (
        <ErrorNote error={entries.error} />
      ) : !entries.data?.items.length ? (
        <Empty>No entries.</Empty>
      ) : (
        <table class="audit">
          <thead>
            <tr>
              <th>#</th>
              <th>when</th>
              <th>action</th>
              <th>subject</th>
              <th>by</th>
              <th>after</th>
            </tr>
          </thead>
          <tbody>
            {entries.data.items.map((e) => (
              <tr key={e.id}>
                <td>{e.id}</td>
                <td>{new Date(e.at).toLocaleString()}</td>
                <td>{e.action}</td>
                <td class="mono">
                  {e.subjectType} {e.subjectId.slice(0, 8)}
                </td>
                <td class="mono">{e.actorId ? e.actorId.slice(0, 8) : 'service'}</td>
                <td class="mono small">{e.after ? JSON.stringify(e.after).slice(0, 120) : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {entries.data && (
        <div class="pager">
          <button disabled={page <= 1} onClick={() => setPage(page - 1)}>
            ← earlier
          </button>
          <span>page {page}</span>
          <button disabled={page * 50 >= entries.data.total} onClick={() => setPage(page + 1)}>
            later →
          </button>
        </div>
      )}
    </section>
  );
}
