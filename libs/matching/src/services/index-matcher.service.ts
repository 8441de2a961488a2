import { Injectable } from '@nestjs/common';
import { EpisodeMatch, MatcherOptions, ProposedLine, QueryProbe } from '@dramaguard/matcher';
import { MatchSession } from '../matching/match-thread.service';
import { EpisodeIndex } from './episode-index.service';
import { ReferenceStore } from './reference-store.service';

/** Where a match's time went: index sync, stage one, reading the candidates' fingerprints, stage two. */
export interface MatchStages {
  readonly syncMs: number;
  readonly planMs: number;
  readonly candidates: number;
  readonly readMs: number;
  readonly finishMs: number;
}

/**
 * A clip's full probe, the geometries other shards found support for (with
 * the key this shard's sparse round was kept under when it told its own), and
 * how to push its frames into the session should stage two need them. With
 * every shard's `proposals`, only candidates within the budget they leave are
 * verified (withinBudget), and the stage one this shard ran to propose its
 * own, kept under the same key, serves.
 */
export interface ProbedClip {
  readonly probe: QueryProbe;
  readonly shared: { readonly tags: readonly number[]; readonly key: string };
  readonly pushFrames: () => Promise<void>;
  readonly proposals?: readonly ProposedLine[];
  /** With `proposals`: the seq of the index this shard proposed from, which its kept stage one was run against. */
  readonly proposedAt?: string | null;
}

/**
 * Matches a session's frames, or a clip's full probe, against this process's
 * index: candidates from the key-frame index, then verification against the
 * candidates' full fingerprints, read from PostgreSQL through the reference
 * cache. Both stages run in the match thread. From a probe, a shard with no
 * candidate never reads the clip's frames.
 */
@Injectable()
export class IndexMatcher {
  constructor(
    private readonly index: EpisodeIndex,
    private readonly references: ReferenceStore,
  ) {}

  /** The matches, the seq of the last fingerprint the index held when it planned (for proposals, when they were proposed), and where the time went. */
  async match(session: MatchSession, options: Partial<MatcherOptions> = {}, probed?: ProbedClip): Promise<{ matches: EpisodeMatch[]; seq: string; stages: MatchStages }> {
    const started = Date.now();
    // A shard's proposals were run against its index as it stood then, unsynced, and their stage one is kept for
    // this plan: a sync now would claim registrations it never saw, which the merge's late check would then skip.
    // A plan run again here (another worker proposed, or the kept one is gone) is run against this index, which may
    // lag the proposing one: the older of the two is what both hold.
    const proposedAt = probed?.proposals ? probed.proposedAt : null;
    if (!proposedAt) await this.index.sync();
    const seq = proposedAt && BigInt(proposedAt) < BigInt(this.index.seq) ? proposedAt : this.index.seq;
    const synced = Date.now();
    const candidates = await session.plan(options, probed?.probe, probed?.shared, probed?.proposals);
    const planned = Date.now();
    let read = planned;
    let matches: EpisodeMatch[] = [];
    if (candidates.length) {
      // Both settle before either failure is thrown: a read still writing the frames into the session's
      // block bytes must not outlive the session, whose closing gives those bytes to another.
      const [looked, pushed] = await Promise.allSettled([this.references.lookup(this.index.seqsOf(candidates)), probed?.pushFrames()]);
      if (looked.status === 'rejected') throw looked.reason;
      if (pushed.status === 'rejected') throw pushed.reason;
      const references = looked.value;
      read = Date.now();
      matches = await session.finish(references);
    }
    const stages = { syncMs: synced - started, planMs: planned - synced, candidates: candidates.length, readMs: read - planned, finishMs: Date.now() - read };
    return { matches, seq, stages };
  }
}
