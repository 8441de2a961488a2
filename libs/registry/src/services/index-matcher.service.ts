import { Injectable } from '@nestjs/common';
import { GreyFrame } from '@dramaguard/fingerprint';
import { candidateEpisodes, EpisodeMatch, finishMatch, MatcherOptions, planMatch } from '@dramaguard/matcher';
import { EpisodeIndex } from './episode-index.service';
import { ReferenceStore } from './reference-store.service';

/**
 * Matches frames against this process's index: candidates from the key-frame
 * index, then verification against the candidates' full fingerprints, read
 * from PostgreSQL through the reference cache.
 */
@Injectable()
export class IndexMatcher {
  constructor(
    private readonly index: EpisodeIndex,
    private readonly references: ReferenceStore,
  ) {}

  /** The matches, and the seq of the last fingerprint the index held when matching. */
  async match(frames: readonly GreyFrame[], options: Partial<MatcherOptions> = {}): Promise<{ matches: EpisodeMatch[]; seq: string }> {
    const index = await this.index.current();
    const seq = this.index.seq;
    const plan = planMatch(index, frames, options);
    const references = await this.references.lookup(this.index.seqsOf(candidateEpisodes(plan)));
    return { matches: finishMatch(plan, frames, references, options), seq };
  }
}
