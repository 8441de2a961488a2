import { Fragment } from 'preact';
import { useState } from 'preact/hooks';
import type { Account, ApiKey, Role } from '../api/types';
import { ActionButton } from '../components/action-button';
import { Empty, ErrorNote, Loading } from '../components/states';
import { useResource } from '../components/use-resource';
import type { PageProps } from './page-props';

const ROLES: Role[] = ['rights_holder', 'reviewer', 'licensee', 'admin'];

function Keys({ api, account }: { api: PageProps['api']; account: Account }) {
  const keys = useResource(() => api.get<ApiKey[]>(`/accounts/${account.id}/keys`), [account.id]);
  const [label, setLabel] = useState('');
  const [issued, setIssued] = useState<ApiKey | null>(null);
  return (
    <div class="keys">
      {issued && (
        <div class="issued" role="status" data-testid="issued-key">
          <strong>New key for {account.name}, shown this once:</strong> <code>{issued.key}</code>{' '}
          <button type="button" onClick={() => void navigator.clipboard?.writeText(issued.key ?? '')}>
            copy
          </button>{' '}
          <button type="button" class="link" onClick={() => setIssued(null)}>
            I have stored it
          </button>
        </div>
      )}
      {keys.error ? (
        <ErrorNote error={keys.error} />
      ) : !keys.data ? (
        <Loading what="keys" />
      ) : keys.data.length ? (
        <ul>
          {keys.data.map((k) => (
            <li key={k.id}>
              <code>{k.prefix}…</code> {k.label ?? ''} <span class="muted">issued {new Date(k.createdAt).toLocaleString()}</span>{' '}
              {k.revokedAt ? (
                <span class="badge status-dismissed">revoked</span>
              ) : (
                <ActionButton
                  kind="danger"
                  run={async () => {
                    await api.delete(`/accounts/${account.id}/keys/${k.id}`);
                    keys.reload();
                  }}
                >
                  revoke
                </ActionButton>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">No keys: this account cannot sign in yet.</p>
      )}
      <div class="inline-form">
        <input name="keyLabel" value={label} placeholder="what the key is for" onInput={(e) => setLabel(e.currentTarget.value)} />
        <ActionButton
          kind="primary"
          run={async () => {
            setIssued(await api.post<ApiKey>(`/accounts/${account.id}/keys`, label.trim() ? { label: label.trim() } : {}));
            setLabel('');
            keys.reload();
          }}
        >
          Issue a key
        </ActionButton>
      </div>
    </div>
  );
}

/** Accounts and their keys, for admins: GET/POST /accounts, GET/POST /accounts/{id}/keys, DELETE …/keys/{keyId}. */
export function AccountsPage({ api }: PageProps) {
  const accounts = useResource(() => api.get<Account[]>('/accounts'), []);
  const [f, setF] = useState({ name: '', role: 'rights_holder' as Role, platform: '', handle: '' });
  const [open, setOpen] = useState<string | null>(null);
  return (
    <section>
      <h1>Accounts &amp; keys</h1>
      <div class="card">
        <h2>New account</h2>
        <div class="form-grid">
          <label>
            name <input name="accountName" value={f.name} placeholder="金牌影业 Golden Reel Studio" onInput={(e) => setF({ ...f, name: e.currentTarget.value })} />
          </label>
          <label>
            role
            <select name="accountRole" value={f.role} onChange={(e) => setF({ ...f, role: e.currentTarget.value as Role })}>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {r.replace('_', ' ')}
                </option>
              ))}
            </select>
          </label>
          {f.role === 'licensee' && (
            <>
              <label>
                platform <input name="platform" value={f.platform} placeholder="douyin" onInput={(e) => setF({ ...f, platform: e.currentTarget.value })} />
              </label>
              <label>
                uploader account <input name="handle" value={f.handle} placeholder="@moonlight-dramas" onInput={(e) => setF({ ...f, handle: e.currentTarget.value })} />
              </label>
            </>
          )}
        </div>
        <ActionButton
          kind="primary"
          run={async () => {
            const created = await api.post<Account>('/accounts', {
              name: f.name.trim(),
              role: f.role,
              ...(f.role === 'licensee' && f.platform && f.handle ? { platformAccounts: [{ platform: f.platform.trim(), handle: f.handle.trim() }] } : {}),
            });
            setF({ ...f, name: '', platform: '', handle: '' });
            accounts.reload();
            setOpen(created.id);
          }}
        >
          Create account
        </ActionButton>
      </div>
      {accounts.loading && !accounts.data ? (
        <Loading what="accounts" />
      ) : accounts.error ? (
        <ErrorNote error={accounts.error} />
      ) : !accounts.data?.length ? (
        <Empty>No accounts.</Empty>
      ) : (
        <table>
          <thead>
            <tr>
              <th>name</th>
              <th>role</th>
              <th>platform accounts</th>
              <th>created</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {accounts.data.map((a) => (
              <Fragment key={a.id}>
                <tr data-testid="account-row">
                  <td>{a.name}</td>
                  <td>{a.role.replace('_', ' ')}</td>
                  <td>{a.platformAccounts.map((p) => `${p.platform} ${p.handle}`).join(', ')}</td>
                  <td>{new Date(a.createdAt).toLocaleString()}</td>
                  <td>
                    <button type="button" onClick={() => setOpen(open === a.id ? null : a.id)}>
                      {open === a.id ? 'hide keys' : 'keys'}
                    </button>
                  </td>
                </tr>
                {open === a.id && (
                  <tr>
                    <td colSpan={5}>
                      <Keys api={api} account={a} />
                    </td>
                  </tr>
                )}
              </Fragment>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
