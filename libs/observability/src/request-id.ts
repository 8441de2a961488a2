import { randomUUID } from 'node:crypto';

/** The header a request id arrives in and is echoed back in. */
export const REQUEST_ID_HEADER = 'x-request-id';

/**
 * A caller's (or a proxy's) request id is kept so one upload can be followed
 * from the edge through the api and the workers; anything that could forge a
 * log line or blow up a label (blanks, quotes, newlines, 129+ characters) is
 * replaced by a fresh id.
 */
export function requestIdFrom(header: unknown): string {
  const value = Array.isArray(header) ? header[0] : header;
  return typeof value === 'string' && /^[A-Za-z0-9._:@-]{1,128}$/.test(value) ? value : randomUUID();
}
