import { useState } from 'preact/hooks';
import { ApiError } from '../api/api-error';
import type { Licence, Page, Work } from '../api/types';
import { Empty, ErrorNote, Loading } from '../components/states';
import { useResource } from '../components/use-resource';
import type { PageProps } from './page-props';

const list = (s: string) => s.split(/[,\s]+/).filter(Boolean);

/** Why a licence was refused, in words: the api's message names the exclusive licence it would overlap. */
function Refusal({ error }: { error: unknown }) {
  if (error instanceof ApiError && error.code === 'licence_overlap') {
    return (
      <div class="state error" role="alert" data-testid="licence-overlap">
        <strong>This licence overlaps an exclusive one.</strong> {error.message}. Narrow the episodes, territories, platforms or dates so that they no longer meet, or ask the exclusive licensee.
      </div>
    );
  }
  return <ErrorNote error={error} />;
}

/** Licences (GET /licences) and, for rights holders, a new licence (POST /licences, the works from GET /works). */
export function LicencesPage({ api, me }: PageProps) {
  const licences = useResource(() => api.get<Page<Licence>>('/licences?pageSize=100'), []);
  const grants = me.role === 'rights_holder';
  const works = useResource(() => (grants ? api.get<Page<Work>>('/works?pageSize=100') : Promise.resolve(null)), []);
  const [f, setF] = useState({ workId: '', licenseeId: '', firstEpisode: '', lastEpisode: '', territories: '*', platforms: '*', startsOn: '', endsOn: '', exclusive: false });
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const set = (k: keyof typeof f) => (e: { currentTarget: HTMLInputElement | HTMLSelectElement }) => setF({ ...f, [k]: e.currentTarget.value });
  return (
    <section>
      <h1>Licences</h1>
      {grants && (
        <form
          class="card"
          onSubmit={async (e) => {
            e.preventDefault();
            setBusy(true);
            setError(undefined);
            try {
              await api.post('/licences', {
                workId: f.workId,
                licenseeId: f.licenseeId.trim(),
                ...(f.firstEpisode ? { firstEpisode: Number(f.firstEpisode) } : {}),
                ...(f.lastEpisode ? { lastEpisode: Number(f.lastEpisode) } : {}),
                territories: list(f.territories),
                platforms: list(f.platforms),
                startsOn: f.startsOn,
                endsOn: f.endsOn,
                exclusive: f.exclusive,
              });
              licences.reload();
            } catch (err) {
              setError(err);
            } finally {
              setBusy(false);
            }
          }}
        >
          <h2>Grant a licence</h2>
          <div class="form-grid">
            <label>
              work
              <select name="workId" value={f.workId} onChange={set('workId')} required>
                <option value="">choose…</option>
                {works.data?.items.map((w) => (
                  <option key={w.id} value={w.id}>
                    {w.title}
                  </option>
                ))}
              </select>
            </label>
            <label>
              licensee account id <input name="licenseeId" value={f.licenseeId} onInput={set('licenseeId')} required />
            </label>
            <label>
              episodes from <input name="firstEpisode" type="number" min={1} value={f.firstEpisode} placeholder="all" onInput={set('firstEpisode')} />
            </label>
            <label>
              to <input name="lastEpisode" type="number" min={1} value={f.lastEpisode} placeholder="all" onInput={set('lastEpisode')} />
            </label>
            <label>
              territories <input name="territories" value={f.territories} placeholder="SG, MY or *" onInput={set('territories')} />
            </label>
            <label>
              platforms <input name="platforms" value={f.platforms} placeholder="douyin or *" onInput={set('platforms')} />
            </label>
            <label>
              from <input name="startsOn" type="date" value={f.startsOn} onInput={set('startsOn')} required />
            </label>
            <label>
              until <input name="endsOn" type="date" value={f.endsOn} onInput={set('endsOn')} required />
            </label>
            <label class="check">
              <input name="exclusive" type="checkbox" checked={f.exclusive} onChange={(e) => setF({ ...f, exclusive: e.currentTarget.checked })} /> exclusive
            </label>
          </div>
          <button class="primary" type="submit" disabled={busy}>
            Grant
          </button>
          <Refusal error={error} />
        </form>
      )}
      {licences.loading && !licences.data ? (
        <Loading what="licences" />
      ) : licences.error ? (
        <ErrorNote error={licences.error} />
      ) : !licences.data?.items.length ? (
        <Empty>No licences yet.</Empty>
      ) : (
        <table>
          <thead>
            <tr>
              <th>work</th>
              <th>licensee</th>
              <th>episodes</th>
              <th>territories</th>
              <th>platforms</th>
              <th>dates</th>
              <th>exclusive</th>
            </tr>
          </thead>
          <tbody>
            {licences.data.items.map((l) => (
              <tr key={l.id}>
                <td>{l.workTitle}</td>
                <td>{l.licenseeName}</td>
                <td>{l.firstEpisode === null ? 'all' : `${l.firstEpisode}–${l.lastEpisode}`}</td>
                <td>{l.territories.join(', ')}</td>
                <td>{l.platforms.join(', ')}</td>
                <td>
                  {l.startsOn} – {l.endsOn}
                </td>
                <td>{l.exclusive ? 'yes' : 'no'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
