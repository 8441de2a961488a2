import type { IncomingHttpHeaders } from 'node:http';

/** The key from `Authorization: Bearer <key>` or, failing that, `x-api-key: <key>`; undefined when neither holds one. */
export function apiKeyFrom(headers: IncomingHttpHeaders): string | undefined {
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(headers.authorization ?? '');
  if (bearer) return bearer[1];
  const header = headers['x-api-key'];
  const value = (Array.isArray(header) ? header[0] : header)?.trim();
  return value ? value : undefined;
}

/** The password of `Authorization: Basic …`, how a browser sends a key to the queue dashboard; undefined without one. */
export function basicAuthPassword(headers: IncomingHttpHeaders): string | undefined {
  const basic = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(headers.authorization ?? '');
  if (!basic) return undefined;
  const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
  const password = decoded.slice(decoded.indexOf(':') + 1);
  return decoded.includes(':') && password ? password : undefined;
}
