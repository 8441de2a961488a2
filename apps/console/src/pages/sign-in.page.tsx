import { useState } from 'preact/hooks';
import { ApiClient } from '../api/api-client';
import type { Account } from '../api/types';
import { ErrorNote } from '../components/states';

/** Asks for an API key and checks it with GET /accounts/me before keeping it. */
export function SignInPage({ onSignedIn }: { onSignedIn: (key: string, me: Account) => void }) {
  const [key, setKey] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  return (
    <main class="sign-in">
      <h1>DramaGuard console</h1>
      <p class="muted">Registration and infringement review for micro short dramas. Sign in with the API key your administrator issued.</p>
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          setBusy(true);
          setError(undefined);
          try {
            const trimmed = key.trim();
            onSignedIn(trimmed, await new ApiClient(trimmed).get<Account>('/accounts/me'));
          } catch (err) {
            setError(err);
          } finally {
            setBusy(false);
          }
        }}
      >
        <label>
          API key
          <input name="apiKey" type="password" autocomplete="off" placeholder="dg_…" value={key} onInput={(e) => setKey(e.currentTarget.value)} required />
        </label>
        <button class="primary" type="submit" disabled={busy}>
          {busy ? 'Checking…' : 'Sign in'}
        </button>
      </form>
      <ErrorNote error={error} />
      <p class="muted small">The key is kept in this tab's session storage only, and sent as an Authorization header; closing the tab signs you out.</p>
    </main>
  );
}
