import { parentPort, workerData } from 'node:worker_threads';
import { AudioIndex, AudioReference, decodeAudioPrint, decodeAudioProbe, finishAudio, planAudio } from '@dramaguard/audio';
import { encodeFingerprint, FINGERPRINT_FPS, FingerprintBuilder, framesOf, GreyFrame } from '@dramaguard/fingerprint';
import { HashIndex, PACK_STEP } from '@dramaguard/hash-index';
import {
  candidateEpisodes,
  familyIndex,
  geometryVotes,
  keepShapes,
  matchAmong,
  MatcherOptions,
  matcherOptions,
  MatchPlan,
  planMatch,
  ProbeBuilder,
  proposedLines,
  sparseRound,
  SparseRound,
  warmUp,
  withinBudget,
} from '@dramaguard/matcher';
import { AnsweredOp, AudioSource, MatchEnvelope, MatchReplies, MatchRequest, MatchResponse, MatchThreadData, StreamOp } from './match-protocol';
import type { StoredFingerprint } from '@dramaguard/records';
import { indexedEpisode } from './stored-episode';
import { collectGarbage, collectYoung, FRAMES_PER_COLLECTION } from './collect-garbage';
import { KeptByKey } from './kept-by-key';
import { VerifyPool } from './verify-pool';

/**
 * One video in the thread: a clip's frames and its pending match plan, an
 * episode's fingerprint builder, which hashes each frame as it arrives and
 * keeps none (the shards read the episode's frames from its frame file), or
 * a clip's probe builder, which hashes each frame as it arrives.
 */
interface Session {
  readonly frames: GreyFrame[];
  count: number;
  readonly builder: FingerprintBuilder | null;
  readonly prober: ProbeBuilder | null;
  /** Frames now arriving are the episode's second pass (FingerprintBuilder.pushSecond). */
  secondPass: boolean;
  plan: { readonly plan: MatchPlan; readonly options: Partial<MatcherOptions> } | null;
}

const index = new HashIndex();
// A give-back's collection between clips then leaves the matcher's compiled code alone.
keepShapes(index);
/** The soundtracks of the same episodes, indexed by their items' bytes. */
const audio = new AudioIndex();
const sessions = new Map<number, Session>();
const { verifyThreads, resourceLimits } = workerData as MatchThreadData;
const verifiers = new VerifyPool(verifyThreads, resourceLimits);
// Stage one's lookups are one thread's while the verification threads wait for its candidates: the first takes its share.
index.searchBeside(verifiers.searchHelper);
/**
 * Sparse rounds run to tell a clip's geometries to the other shards, kept for
 * the stage one that follows; with several shards, stage ones run to propose
 * a clip's candidates, kept for the verification that follows once every
 * shard has proposed. Both by clip window and options.
 */
const keptRounds = new KeptByKey<SparseRound>(8);
const keptPlans = new KeptByKey<MatchPlan>(8);

/** Kept work serves only a plan with the options it was done with. */
function keptKey(key: string, options: Partial<MatcherOptions>): string {
  return `${key}:${JSON.stringify(options)}`;
}

/**
 * The last family index built: a retro-match matches every recent clip
 * against the same work, and would otherwise decode and index it per clip.
 */
let lastFamily: { readonly key: string; readonly index: HashIndex } | null = null;

function family(members: readonly StoredFingerprint[]): HashIndex {
  const key = members.map((m) => `${m.registrationId}@${m.seq}`).join(',');
  if (lastFamily?.key !== key) lastFamily = { key, index: familyIndex(members.map(indexedEpisode)) };
  return lastFamily.index;
}

/** The last index of a retro-match's episodes: it matches every recent clip against the same ones. */
let lastAmong: { readonly key: string; readonly index: AudioIndex; readonly prints: Map<string, AudioReference> } | null = null;

function amongIndex(key: string, sources: ReadonlyMap<string, AudioSource>): { index: AudioIndex; prints: Map<string, AudioReference> } {
  if (lastAmong?.key !== key) {
    const prints = audioReferences(sources);
    const index = new AudioIndex();
    for (const [episode, ref] of prints) index.add(episode, ref.print, ref.shares);
    lastAmong = { key, index, prints };
  }
  return lastAmong;
}

function audioReferences(sources: ReadonlyMap<string, AudioSource>): Map<string, AudioReference> {
  return new Map([...sources].map(([episode, source]) => [episode, { print: decodeAudioPrint(source.audio), shares: source.shares }]));
}

function session(id: number): Session {
  const s = sessions.get(id);
  if (!s) throw new Error(`match session ${id} is not open`);
  return s;
}

function handle(r: Exclude<MatchRequest, { op: StreamOp }>): MatchReplies[AnsweredOp] | Promise<MatchReplies[AnsweredOp]> {
  switch (r.op) {
    case 'index': {
      const unreadable: MatchReplies['index']['unreadable'][number][] = [];
      for (const row of r.rows) {
        try {
          index.add([indexedEpisode(row)]);
          if (row.audio) audio.add(row.registrationId, decodeAudioPrint(row.audio), row.audioShares);
        } catch (e) {
          unreadable.push({ registrationId: row.registrationId, reason: (e as Error).message });
        }
      }
      return { episodes: index.episodeCount, bytes: index.memoryBytes() + audio.memoryBytes(), entries: index.entryCount, unpacked: index.unpackedCount, unreadable };
    }
    case 'has':
      return index.has(r.episode);
    case 'open':
      sessions.set(r.session, {
        frames: [],
        count: 0,
        builder: r.kind === 'build' ? new FingerprintBuilder(FINGERPRINT_FPS) : null,
        prober: r.kind === 'probe' ? new ProbeBuilder() : null,
        secondPass: false,
        plan: null,
      });
      return null;
    case 'second': {
      const s = session(r.session);
      if (!s.builder) throw new Error(`match session ${r.session} builds no fingerprint`);
      const region = s.builder.secondRegion();
      s.secondPass = region !== null;
      return region;
    }
    case 'fingerprint': {
      const s = session(r.session);
      if (!s.builder) throw new Error(`match session ${r.session} builds no fingerprint`);
      return { encoded: encodeFingerprint(s.builder.finish()), frames: s.count };
    }
    case 'probe': {
      const s = session(r.session);
      if (!s.prober) throw new Error(`match session ${r.session} builds no probe`);
      return s.prober.finish();
    }
    case 'geometry': {
      const o = matcherOptions(r.options);
      const round = sparseRound(index, { full: r.probe }, o);
      keptRounds.keep(keptKey(r.key, r.options), round);
      return geometryVotes(round, o);
    }
    case 'candidates': {
      const key = keptKey(r.key, r.options);
      const plan = planMatch(index, r.probe, r.options, r.tags, keptRounds.take(key));
      // A plan without candidates is never asked for: its shard answers as it proposes (ShardMatchService).
      if (plan.candidates.length) keptPlans.keep(key, plan);
      return proposedLines(plan);
    }
    case 'plan': {
      const s = session(r.session);
      const key = r.shared && keptKey(r.shared.key, r.options);
      const proposed = key && r.proposals ? keptPlans.take(key) : undefined;
      // From the clip's full probe the frames are needed only for stage two: they are pushed after the plan, when it has candidates.
      const plan = proposed ?? planMatch(index, r.probe ?? s.frames, r.options, r.shared?.tags, key && r.probe ? keptRounds.take(key) : undefined);
      s.plan = { plan: r.proposals ? withinBudget(plan, r.proposals) : plan, options: r.options };
      return candidateEpisodes(s.plan.plan);
    }
    case 'finish': {
      const s = session(r.session);
      if (!s.plan) throw new Error(`match session ${r.session} has no plan to finish`);
      const { plan, options } = s.plan;
      s.plan = null;
      return verifiers.finish(plan, s.frames, r.references, options);
    }
    case 'family':
      return matchAmong(family(r.members), r.episodes, session(r.session).frames);
    case 'close':
      sessions.delete(r.session);
      return null;
    case 'audio-plan':
      return planAudio(audio, decodeAudioProbe(r.probe), r.exclude);
    case 'audio-finish': {
      const prints = audioReferences(r.references);
      return finishAudio(decodeAudioProbe(r.probe), r.candidates, (e) => prints.get(e));
    }
    case 'audio-among': {
      const { index: among, prints } = amongIndex(r.key, r.references);
      const variants = decodeAudioProbe(r.probe);
      return finishAudio(variants, planAudio(among, variants), (e) => prints.get(e));
    }
    case 'stage':
      index.stage();
      return null;
    case 'pack':
      if (!r.inSteps) {
        index.pack();
        return index.unpackedCount;
      }
      index.startPack();
      return packInSteps();
    case 'warm-up':
      warmUp(3, index);
      return null;
    case 'collect':
      // The pool's spare frame buffer is shared: freed only once every thread holding it has collected, this one last.
      return verifiers.collect().then(() => {
        collectGarbage();
        return null;
      });
  }
}

/** Steps of the pack begun, one per turn of the thread's event loop, so that requests in between are answered. */
function packInSteps(): Promise<number> {
  return new Promise((resolve, reject) => {
    const step = (): void => {
      try {
        if (index.packStep(PACK_STEP)) resolve(index.unpackedCount);
        else setImmediate(step);
      } catch (e) {
        reject(e);
      }
    };
    setImmediate(step);
  });
}

/** Frames hashed and dropped since the young generation was last collected. */
let dropped = 0;

function push(s: Session, frame: GreyFrame): void {
  if (!s.secondPass) s.count++;
  if (s.secondPass) s.builder?.pushSecond(frame);
  else if (s.builder) s.builder.push(frame);
  else if (s.prober) s.prober.push(frame);
  else {
    s.frames.push(frame);
    return;
  }
  // A hashed frame is dropped young; its bytes, outside V8's heap, would wait for a collection (youngCollected).
  if (++dropped % FRAMES_PER_COLLECTION === 0) collectYoung();
}

/** Frames are streamed without an answer each: the port keeps order, so the next request sees them all. */
parentPort?.on('message', ({ id, request }: MatchEnvelope) => {
  if (request.op === 'frame' || request.op === 'frames') {
    const s = sessions.get(request.session);
    if (!s) return;
    for (const frame of request.op === 'frame' ? [request.frame] : framesOf(request.block)) push(s, frame);
    return;
  }
  const failed = (e: unknown): MatchResponse => ({ id, error: (e as Error).message });
  let value: ReturnType<typeof handle>;
  try {
    value = handle(request);
  } catch (e) {
    parentPort?.postMessage(failed(e));
    return;
  }
  // Only a verification shared with the pool's threads answers later; the thread takes other requests meanwhile.
  if (value instanceof Promise) value.then((v) => parentPort?.postMessage({ id, value: v }), (e) => parentPort?.postMessage(failed(e)));
  else parentPort?.postMessage({ id, value });
});
