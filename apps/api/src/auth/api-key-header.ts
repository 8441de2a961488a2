import type { IncomingHttpHeaders } from 'node:http';

/** The key from `Authorization: Bearer <key>` or, failing that, `x-api-key: <key>`; undefined when neither holds one. */
export function apiKeyFrom(headers: IncomingHttpHeaders): string | undefined {
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(headers.authorization ?? '');
  if (bearer) return bearer[1];
  const header = headers['x-api-key'];
  const value = (Array.isArray(header) ? header[0] : header)?.trim();
  return value ? value : undefined;
}
