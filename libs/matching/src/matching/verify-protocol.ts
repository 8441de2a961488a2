import type { GreyFrame } from '@dramaguard/fingerprint';
import type { Reference } from '@dramaguard/hash-index';
import type { MatcherOptions, MatchPlan, VerifiedCopy } from '@dramaguard/matcher';

/**
 * What the match thread asks of a verification thread: stage two on the
 * plan's candidates it takes from the shared counter (verifyCandidates), or a
 * full collection of its heap. The frames' bytes are always shared: those of
 * a block as pushed (MatchSession.blockBytes), those pushed one by one copied
 * once into the pool's spare shared buffer (VerifyPool).
 */
export type VerifyRequest =
  | {
      readonly op: 'verify';
      readonly plan: MatchPlan;
      readonly frames: readonly GreyFrame[];
      readonly references: ReadonlyMap<string, Reference>;
      readonly options: Partial<MatcherOptions>;
      /** Word 0: the next candidate index to take, shared by every thread verifying the plan. */
      readonly counter: Int32Array;
    }
  | { readonly op: 'collect' };

/** A request as posted: the id its answer comes back with. */
export type VerifyEnvelope = VerifyRequest & { readonly id: number };

/** The copies a verification thread verified, by candidate index; nothing for a collection. */
export type VerifyResponse = { readonly id: number; readonly copies: readonly (readonly [number, VerifiedCopy])[] } | { readonly id: number; readonly error: string };

/** Takes the plan's candidates one by one from `counter`, with every other thread taking from it. */
export function sharedQueue(counter: Int32Array, count: number): () => number {
  return () => {
    const i = Atomics.add(counter, 0, 1);
    return i < count ? i : -1;
  };
}
