import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { GreyFrame } from '@dramaguard/fingerprint';
import { EpisodeMatch, MatcherOptions, ProposedLine, WindowProbe } from '@dramaguard/matcher';
import { FrameStore } from '@dramaguard/media';
import { DomainError } from '@dramaguard/records';
import { MatchSession, MatchThread } from '../matching/match-thread.service';
import { closeTaken, PreparedWindows } from '../matching/prepared-windows';
import { matchInWindows, mergedWindows, Windowed } from '../matching/windowed-match';
import { IndexMatcher, MatchStages } from './index-matcher.service';

/**
 * A shard's matching of one video against this worker's index, window by
 * window: a registration's or a clip's decoded frames, or a clip's full
 * probes, whose windows' frames are read only when stage one found
 * candidates to verify, or ahead of its verify job (prepare). What a shard's
 * jobs answer with (ShardMatchService).
 */
@Injectable()
export class ShardWindows implements OnModuleDestroy {
  private readonly log = new Logger(ShardWindows.name);
  private readonly prepared = new PreparedWindows(() => this.thread.open('match'));

  constructor(
    private readonly frameStore: FrameStore,
    private readonly thread: MatchThread,
    private readonly matcher: IndexMatcher,
  ) {}

  /** The decoded video's matches against this worker's index, window by window. */
  async ofFrames(id: string, options: Partial<MatcherOptions>): Promise<ShardMatches> {
    const found: WindowMatches[] = [];
    const matches = await matchInWindows(this.thread, this.frames(id), async (session) => {
      const window = await this.matcher.match(session, options);
      found.push(window);
      return window.matches;
    });
    return summed(matches, found);
  }

  /**
   * A clip's matches from its full probes, one per window (the worker that
   * decoded it hashed it once for every shard), each trying its window's
   * `shared` geometries too, and, given every shard's `proposals`, verifying
   * only its candidates within the budget they leave (withinBudget), from the
   * stage one kept when this shard proposed: a window's frames are read only
   * when stage one found candidates to verify.
   */
  async ofProbes(
    id: string,
    round: number,
    windows: readonly WindowProbe[],
    shared: ReadonlyMap<number, readonly number[]>,
    proposals: ReadonlyMap<number, readonly ProposedLine[]> | null,
    proposedAt: string | null,
  ): Promise<ShardMatches> {
    const found: WindowMatches[] = [];
    const byWindow: Windowed<EpisodeMatch[]>[] = [];
    for (const { first, probe } of windows) {
      const prepared = this.prepared.take(windowKey(id, round, first));
      const session = await (prepared ? prepared.session : this.thread.open('match'));
      try {
        const pushFrames = prepared ? () => prepared.pushed : () => this.pushWindow(session, id, first, probe.frames);
        const window = await this.matcher.match(session, {}, { probe, pushFrames, shared: { tags: shared.get(first) ?? [], key: windowKey(id, round, first) }, proposals: proposals ? (proposals.get(first) ?? []) : undefined, proposedAt });
        found.push(window);
        byWindow.push({ first, value: window.matches });
      } finally {
        await (prepared ? closeTaken(prepared) : session.close());
      }
    }
    return summed(mergedWindows(byWindow), found);
  }

  /** Fills a window's session with its frames ahead of its verify job (PreparedWindows); that job takes it. */
  prepare(clipId: string, round: number, { first, probe }: WindowProbe): void {
    this.prepared.prepare(windowKey(clipId, round, first), (session) => this.pushWindow(session, clipId, first, probe.frames));
  }

  private async pushWindow(session: MatchSession, id: string, first: number, frames: number): Promise<void> {
    session.pushBlock(await this.frameStore.readBlock(id, first, frames, (bytes) => session.blockBytes(bytes)).catch((e) => Promise.reject(this.missing(id, e))));
  }

  async onModuleDestroy(): Promise<void> {
    await this.prepared.closeAll();
  }

  private async *frames(id: string): AsyncGenerator<GreyFrame> {
    try {
      yield* this.frameStore.read(id);
    } catch (e) {
      throw this.missing(id, e);
    }
  }

  /** A missing frame file as a domain error naming the likely cause; any other error as it is. */
  private missing(id: string, e: unknown): unknown {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') return e;
    const path = this.frameStore.pathOf(id);
    this.log.error(`${id}: its decoded frames (${path}) are missing; is the media directory shared with the worker that decoded them?`);
    return new DomainError('frames_missing', `the decoded frames (${path}) are missing on this worker`);
  }
}

/** The key a window's sparse round is kept under in the match thread, between telling its geometries and matching. */
export function windowKey(clipId: string, round: number, first: number): string {
  return `${clipId}:${round}:${first}`;
}

interface WindowMatches {
  readonly matches: EpisodeMatch[];
  readonly seq: string;
  readonly stages: MatchStages;
}

export interface ShardMatches {
  readonly matches: EpisodeMatch[];
  readonly seq: string;
  readonly matchMs: number;
  readonly stages: MatchStages[];
}

/** The seq is the oldest index any window was matched against, so the merge's late-episode check covers every window. */
function summed(matches: EpisodeMatch[], windows: readonly WindowMatches[]): ShardMatches {
  const seq = windows.map((w) => w.seq).reduce((a, b) => (BigInt(b) < BigInt(a) ? b : a));
  const ms = (s: MatchStages) => s.syncMs + s.planMs + s.readMs + s.finishMs;
  return { matches, seq, matchMs: windows.reduce((n, w) => n + ms(w.stages), 0), stages: windows.map((w) => w.stages) };
}
