import { useState } from 'preact/hooks';
import type { Page, Work } from '../api/types';
import { ActionButton } from '../components/action-button';
import { Empty, ErrorNote, Loading } from '../components/states';
import { useResource } from '../components/use-resource';
import type { PageProps } from './page-props';

/** Works (GET /works; a rights holder sees its own) and a new work (POST /works). */
export function WorksPage({ api, me, go }: PageProps) {
  const [page, setPage] = useState(1);
  const works = useResource(() => api.get<Page<Work>>(`/works?page=${page}&pageSize=50`), [page]);
  const [form, setForm] = useState({ title: '', originalTitle: '', year: '', language: '', episodeCount: '', ownerId: '' });
  const creates = me.role === 'rights_holder' || me.role === 'admin';
  const set = (k: keyof typeof form) => (e: { currentTarget: HTMLInputElement }) => setForm({ ...form, [k]: e.currentTarget.value });
  return (
    <section>
      <h1>Works</h1>
      {creates && (
        <div class="card">
          <h2>Register a new work</h2>
          <div class="form-grid">
            <label>
              title <input name="title" value={form.title} onInput={set('title')} required />
            </label>
            <label>
              original title <input name="originalTitle" value={form.originalTitle} placeholder="秘密新娘" onInput={set('originalTitle')} />
            </label>
            <label>
              year <input name="year" type="number" value={form.year} onInput={set('year')} />
            </label>
            <label>
              language <input name="language" value={form.language} placeholder="zh-CN" onInput={set('language')} />
            </label>
            <label>
              episodes <input name="episodeCount" type="number" min={1} value={form.episodeCount} onInput={set('episodeCount')} required />
            </label>
            {me.role === 'admin' && (
              <label>
                owner account id <input name="ownerId" value={form.ownerId} onInput={set('ownerId')} />
              </label>
            )}
          </div>
          <ActionButton
            kind="primary"
            run={async () => {
              const body: Record<string, unknown> = { title: form.title, episodeCount: Number(form.episodeCount) };
              if (form.originalTitle) body.originalTitle = form.originalTitle;
              if (form.year) body.year = Number(form.year);
              if (form.language) body.language = form.language;
              if (form.ownerId) body.ownerId = form.ownerId;
              const work = await api.post<Work>('/works', body);
              go({ page: 'work', id: work.id });
            }}
          >
            Create work
          </ActionButton>
        </div>
      )}
      {works.loading && !works.data ? (
        <Loading what="works" />
      ) : works.error ? (
        <ErrorNote error={works.error} />
      ) : !works.data?.items.length ? (
        <Empty>No works yet.{creates ? ' Register one above, then drop its episode files on its page.' : ''}</Empty>
      ) : (
        <table>
          <thead>
            <tr>
              <th>title</th>
              <th>original title</th>
              <th>rights holder</th>
              <th>year</th>
              <th>registered episodes</th>
            </tr>
          </thead>
          <tbody>
            {works.data.items.map((w) => (
              <tr key={w.id}>
                <td>
                  <a href={`#/works/${w.id}`}>{w.title}</a>
                </td>
                <td lang="zh">{w.originalTitle ?? ''}</td>
                <td>{w.rightsHolder}</td>
                <td>{w.year ?? ''}</td>
                <td>
                  {w.episodes.filter((e) => e.registration?.status === 'registered').length} / {w.episodeCount}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {works.data && works.data.total > 50 && (
        <div class="pager">
          <button disabled={page <= 1} onClick={() => setPage(page - 1)}>
            ← previous
          </button>
          <span>page {page}</span>
          <button disabled={page * 50 >= works.data.total} onClick={() => setPage(page + 1)}>
            next →
          </button>
        </div>
      )}
    </section>
  );
}
