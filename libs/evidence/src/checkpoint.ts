/**
 * A signed statement of the audit chain's state: how many entries it held and
 * the last one's hash, at a time. Whoever keeps it can later show that every
 * entry up to that hash (a registration among them) existed then and is
 * unchanged: GET /audit/verify or the offline verifier recompute the chain and
 * compare.
 */
export interface Checkpoint {
  readonly type: 'dramaguard.audit-checkpoint';
  readonly version: 1;
  readonly entries: number;
  readonly lastEntryId: string | null;
  readonly head: string;
  readonly at: string;
  readonly signatureAlgorithm: 'Ed25519';
}

export function checkpointOf(state: { entries: number; head: string; lastId: string | null }, at: Date): Checkpoint {
  return { type: 'dramaguard.audit-checkpoint', version: 1, entries: state.entries, lastEntryId: state.lastId, head: state.head, at: at.toISOString(), signatureAlgorithm: 'Ed25519' };
}
