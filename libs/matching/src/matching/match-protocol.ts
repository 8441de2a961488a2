import type { ResourceLimits } from 'node:worker_threads';
import type { AudioCandidate, AudioMatch } from '@dramaguard/audio';
import type { GreyFrame, GreyFrameBlock, Rect } from '@dramaguard/fingerprint';
import type { Reference } from '@dramaguard/hash-index';
import type { EpisodeMatch, GeometryVote, MatcherOptions, ProposedLine, QueryProbe } from '@dramaguard/matcher';
import type { StoredFingerprint } from '@dramaguard/records';

/**
 * What the worker's main thread asks of its match thread. The thread owns the
 * key-frame index and every CPU-heavy step (hashing frames, both stages of a
 * match); the main thread keeps the IO (ffmpeg, PostgreSQL, Redis), so its
 * event loop stays free to renew BullMQ's job locks. A session is one video's
 * decoded frames, pushed one by one as ffmpeg delivers them.
 */
export type MatchRequest =
  | { readonly op: 'index'; readonly rows: readonly StoredFingerprint[] }
  | { readonly op: 'has'; readonly episode: string }
  | { readonly op: 'open'; readonly session: number; readonly kind: SessionKind }
  | { readonly op: 'frame'; readonly session: number; readonly frame: GreyFrame }
  | { readonly op: 'frames'; readonly session: number; readonly block: GreyFrameBlock }
  | { readonly op: 'second'; readonly session: number }
  | { readonly op: 'fingerprint'; readonly session: number }
  | { readonly op: 'probe'; readonly session: number }
  | { readonly op: 'geometry'; readonly key: string; readonly options: Partial<MatcherOptions>; readonly probe: QueryProbe }
  | { readonly op: 'candidates'; readonly key: string; readonly options: Partial<MatcherOptions>; readonly probe: QueryProbe; readonly tags: readonly number[] }
  | {
      readonly op: 'plan';
      readonly session: number;
      readonly options: Partial<MatcherOptions>;
      readonly probe?: QueryProbe;
      /** Geometries to try besides the sparse round's, and the key of a sparse round kept by `geometry`. */
      readonly shared?: { readonly tags: readonly number[]; readonly key: string };
      /** Every shard's proposed lines: verify only the candidates within the budget they leave (withinBudget), from the stage one kept under the shared key by `candidates` if any. */
      readonly proposals?: readonly ProposedLine[];
    }
  | { readonly op: 'finish'; readonly session: number; readonly references: ReadonlyMap<string, Reference> }
  | { readonly op: 'family'; readonly session: number; readonly members: readonly StoredFingerprint[]; readonly episodes: readonly string[] }
  | { readonly op: 'close'; readonly session: number }
  | { readonly op: 'audio-plan'; readonly probe: Uint8Array; readonly exclude?: string }
  | { readonly op: 'audio-among'; readonly key: string; readonly probe: Uint8Array; readonly references: ReadonlyMap<string, AudioSource> }
  | { readonly op: 'audio-finish'; readonly probe: Uint8Array; readonly candidates: readonly AudioCandidate[]; readonly references: ReadonlyMap<string, AudioSource> }
  /** Until the next pack, indexed episodes are staged, not chained, and nothing can be searched (HashIndex.stage): a shard's load at boot. */
  | { readonly op: 'stage' }
  /** `inSteps`: between other requests (HashIndex.startPack), for a shard that is serving; else at once. */
  | { readonly op: 'pack'; readonly inSteps: boolean }
  | { readonly op: 'warm-up' }
  | { readonly op: 'collect' };

/**
 * What a session does with its frames: keeps them for a match (`match`),
 * hashes them into an episode's fingerprint and drops them (`build`), or
 * hashes them into the clip's full probe as they come (`probe`).
 */
export type SessionKind = 'match' | 'build' | 'probe';

/** A registered soundtrack as PostgreSQL holds it. */
export interface AudioSource {
  readonly audio: Uint8Array;
  readonly shares: Uint8Array | null;
}

/** What each answered request answers. */
export interface MatchReplies {
  index: {
    readonly episodes: number;
    readonly bytes: number;
    /** Key frames indexed, and those of them added since the index was last packed (HashIndex.pack). */
    readonly entries: number;
    readonly unpacked: number;
    readonly unreadable: readonly { readonly registrationId: string; readonly reason: string }[];
  };
  has: boolean;
  open: null;
  /** The region of the episode's second view, after which the frames pushed again are hashed for it; null when there is none. */
  second: Rect | null;
  /** The encoded fingerprint and the number of frames it holds. */
  fingerprint: { readonly encoded: Uint8Array; readonly frames: number };
  /** A `probe` session's frames hashed under every hypothesis of the clip (ProbeBuilder). */
  probe: QueryProbe;
  /** The geometries a clip's sparse round found support for in the thread's index (geometryVotes); the round is kept under the request's key for `plan`. */
  geometry: GeometryVote[];
  /** The lines a clip window's stage one proposes in the thread's index; the stage one is kept under the request's key for `plan`. */
  candidates: ProposedLine[];
  /** Candidate episodes whose full fingerprints stage two needs. */
  plan: readonly string[];
  finish: EpisodeMatch[];
  family: EpisodeMatch[];
  close: null;
  /** The (episode, line) candidates of the soundtrack, whose prints `audio-finish` needs. */
  'audio-plan': AudioCandidate[];
  'audio-finish': AudioMatch[];
  /** The soundtrack's matches among the given episodes only (a retro-match's); their index is kept while `key` stays the same. */
  'audio-among': AudioMatch[];
  stage: null;
  /** Every key frame laid out by bucket (HashIndex.pack): after loading, and when chains have grown long again. The key frames still chained (added while a pack in steps ran). */
  pack: number;
  /** A synthetic clip matched through every step (warmUp), so that the first real ones run on compiled code. */
  'warm-up': null;
  /** A full collection of the thread's heap (after loading the index). */
  collect: null;
}

export type MatchOp = MatchRequest['op'];

/** Frames, sent without an answer each: the port keeps order, so the next request sees them all. */
export type StreamOp = 'frame' | 'frames';

/** The requests that are answered. */
export type AnsweredOp = Exclude<MatchOp, StreamOp>;

/** What the match thread is started with. */
export interface MatchThreadData {
  /** Threads that verify a clip's candidates side by side, the match thread included (VerifyPool). */
  readonly verifyThreads: number;
  /** The limits of the match thread's heap, which its verification threads take too. */
  readonly resourceLimits: ResourceLimits;
}

export interface MatchEnvelope {
  readonly id: number;
  readonly request: MatchRequest;
}

export type MatchResponse = { readonly id: number; readonly value: unknown } | { readonly id: number; readonly error: string };
