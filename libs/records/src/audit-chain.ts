import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';

/** What an audit entry's hash covers: everything it records, and the hash of the entry before it. */
export interface ChainedFields {
  readonly at: Date;
  readonly actorId: string | null;
  readonly action: string;
  readonly subjectType: string;
  readonly subjectId: string;
  readonly before: Record<string, unknown> | null;
  readonly after: Record<string, unknown> | null;
}

/** The hash the first entry chains to. */
export const CHAIN_START = '0'.repeat(64);

/**
 * SHA-256 over the previous entry's hash and the entry in canonical JSON: an
 * entry edited, removed or inserted afterwards breaks every hash from there
 * on, so a holder who kept the latest hash (the head) can prove the log
 * before it is the one they saw.
 */
export function auditHash(previous: string, entry: ChainedFields): string {
  const { at, actorId, action, subjectType, subjectId, before, after } = entry;
  const body = canonicalJson({ at: at.toISOString(), actorId, action, subjectType, subjectId, before, after });
  return createHash('sha256').update(previous).update('\n').update(body).digest('hex');
}

export interface ChainCheck {
  readonly checked: number;
  /** The id of the first entry whose stored hashes do not follow from the entries, if any. */
  readonly brokenAt: string | null;
  readonly head: string;
}

/** Checks entries in order, continuing from `previous` (the hash before the first of them). */
export function checkChain(entries: readonly (ChainedFields & { id: string; prevHash: string | null; hash: string | null })[], previous: string, checked = 0): ChainCheck {
  let head = previous;
  for (const e of entries) {
    if (e.prevHash !== head || e.hash !== auditHash(head, e)) return { checked, brokenAt: e.id, head };
    head = e.hash;
    checked++;
  }
  return { checked, brokenAt: null, head };
}
