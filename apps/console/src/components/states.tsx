import type { ComponentChildren } from 'preact';
import { ApiError } from '../api/api-error';

export function Loading({ what }: { what: string }) {
  return (
    <p class="state loading" role="status">
      <span class="spinner" aria-hidden="true" /> Loading {what}…
    </p>
  );
}

export function Empty({ children }: { children: ComponentChildren }) {
  return <div class="state empty">{children}</div>;
}

/** The api's own message, with its code, so a refusal says what to do. */
export function ErrorNote({ error }: { error: unknown }) {
  if (!error) return null;
  const e = error instanceof ApiError ? error : null;
  return (
    <div class="state error" role="alert">
      <strong>{e ? `${e.status || 'offline'} ${e.code}` : 'error'}</strong> {error instanceof Error ? error.message : String(error)}
    </div>
  );
}
