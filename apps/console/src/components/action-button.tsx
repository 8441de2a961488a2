import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { ErrorNote } from './states';

/** A button whose action calls the api: disabled while it runs, showing the api's refusal if there is one. */
export function ActionButton({ run, children, kind = 'secondary', disabled }: { run: () => Promise<unknown>; children: ComponentChildren; kind?: 'primary' | 'secondary' | 'danger'; disabled?: boolean }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  return (
    <span class="action">
      <button
        type="button"
        class={kind}
        disabled={busy || disabled}
        onClick={async () => {
          setBusy(true);
          setError(undefined);
          try {
            await run();
          } catch (e) {
            setError(e);
          } finally {
            setBusy(false);
          }
        }}
      >
        {children}
      </button>
      <ErrorNote error={error} />
    </span>
  );
}
