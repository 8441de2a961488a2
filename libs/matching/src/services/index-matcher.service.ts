import { Injectable } from '@nestjs/common';
import { EpisodeMatch, MatcherOptions } from '@dramaguard/matcher';
import { MatchSession } from '../matching/match-thread.service';
import { EpisodeIndex } from './episode-index.service';
import { ReferenceStore } from './reference-store.service';

/**
 * Matches a session's frames against this process's index: candidates from
 * the key-frame index, then verification against the candidates' full
 * fingerprints, read from PostgreSQL through the reference cache. Both stages
 * run in the match thread.
 */
@Injectable()
export class IndexMatcher {
  constructor(
    private readonly index: EpisodeIndex,
    private readonly references: ReferenceStore,
  ) {}

  /** The matches, and the seq of the last fingerprint the index held when matching. */
  async match(session: MatchSession, options: Partial<MatcherOptions> = {}): Promise<{ matches: EpisodeMatch[]; seq: string }> {
    await this.index.sync();
    const seq = this.index.seq;
    const candidates = await session.plan(options);
    const references = await this.references.lookup(this.index.seqsOf(candidates));
    return { matches: await session.finish(references), seq };
  }
}
