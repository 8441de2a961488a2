import { MessageChannel, ResourceLimits, Worker } from 'node:worker_threads';
import type { GreyFrame } from '@dramaguard/fingerprint';
import { Reference } from '@dramaguard/hash-index';
import { EpisodeMatch, finishMatch, MatcherOptions, matchesOf, MatchPlan, VerifiedCopy, verifyCandidates } from '@dramaguard/matcher';
import { FrameBuffers } from './frame-buffers';
import { SearchBeside } from './search-beside';
import { threadEntry } from './thread-entry';
import { sharedQueue, VerifyRequest, VerifyResponse } from './verify-protocol';

/**
 * Stage two of one clip on several cores. A shard verifies its candidate
 * episodes independently of each other and of its index, and verification is
 * most of a clip's time once a shard has cores to spare (docs/BENCHMARK.md,
 * section 33): with `threads` above 1, the match thread and threads - 1
 * verification threads take a plan's candidates from one shared counter, each
 * hashing the clip's frames over its own. The matches are those of one thread
 * verifying them all (matchesOf). Each thread is a heap of its own, so the
 * default is the match thread alone (MATCH_VERIFY_THREADS).
 */
export class VerifyPool {
  private readonly helpers: Helper[] = [];
  private readonly buffers = new FrameBuffers();
  /** The first verification thread, searching the index beside the match thread (HashIndex.searchBeside); null without one. */
  readonly searchHelper: SearchBeside | null = null;

  constructor(threads: number, resourceLimits: ResourceLimits) {
    const { file, options } = threadEntry('verify-thread', { resourceLimits });
    for (let k = 1; k < threads; k++) {
      const worker = new Worker(file, options);
      let beside: SearchBeside | null = null;
      if (k === 1) {
        const { port1, port2 } = new MessageChannel();
        worker.postMessage({ op: 'search-port', port: port2 }, [port2]);
        this.searchHelper = beside = new SearchBeside(port1);
      }
      this.helpers.push(
        new Helper(worker, (h) => {
          beside?.close();
          this.helpers.splice(this.helpers.indexOf(h), 1);
        }),
      );
    }
  }

  /** Stage two of `plan`: synchronous in the match thread when it verifies alone (no helper, or one candidate). */
  finish(plan: MatchPlan, frames: readonly GreyFrame[], references: ReadonlyMap<string, Reference>, options: Partial<MatcherOptions>): EpisodeMatch[] | Promise<EpisodeMatch[]> {
    if (plan.candidates.length < 2 || !this.helpers.length) return finishMatch(plan, frames, (e) => references.get(e), options);
    return this.shared(plan, frames, references, options);
  }

  private async shared(plan: MatchPlan, pushed: readonly GreyFrame[], references: ReadonlyMap<string, Reference>, options: Partial<MatcherOptions>): Promise<EpisodeMatch[]> {
    const { frames, release } = this.shareable(pushed);
    try {
      return await this.verified(plan, frames, references, options);
    } finally {
      release();
    }
  }

  private async verified(plan: MatchPlan, frames: readonly GreyFrame[], references: ReadonlyMap<string, Reference>, options: Partial<MatcherOptions>): Promise<EpisodeMatch[]> {
    const count = plan.candidates.length;
    const counter = new Int32Array(new SharedArrayBuffer(4));
    const theirs = Promise.allSettled(this.helpers.slice(0, count - 1).map((h) => h.ask({ op: 'verify', plan, frames, references, options, counter })));
    // This thread's share starts at once; the others start once their copy of the plan has arrived.
    // Whatever fails, the others are waited for: none is still verifying this clip when the match is retried.
    let copies: Map<number, VerifiedCopy>;
    try {
      copies = verifyCandidates(plan, frames, (e) => references.get(e), sharedQueue(counter, count), options);
    } catch (e) {
      await theirs;
      throw e;
    }
    for (const found of await theirs) {
      if (found.status === 'rejected') throw found.reason;
      for (const [i, copy] of found.value) copies.set(i, copy);
    }
    return matchesOf(plan, copies, options);
  }

  /**
   * The frames as views of one SharedArrayBuffer, which every verification
   * thread then reads instead of a copy of its own (17 MB for a 60 s clip): as
   * they are when they were pushed in a block, else copied into a spare
   * buffer, kept for the next clip until the idle give-back.
   */
  private shareable(frames: readonly GreyFrame[]): { frames: readonly GreyFrame[]; release: () => void } {
    if (frames.every((f) => f.data.buffer instanceof SharedArrayBuffer)) return { frames, release: () => undefined };
    const buffer = this.buffers.take(frames.reduce((n, f) => n + f.data.length, 0));
    let at = 0;
    const copied = frames.map(({ width, height, data }) => {
      const view = new Uint8Array(buffer, at, data.length);
      view.set(data);
      at += data.length;
      return { width, height, data: view };
    });
    return { frames: copied, release: () => this.buffers.give(buffer) };
  }

  /** Full collections of every verification thread's heap, and the spare frame buffer dropped (the idle give-back). */
  async collect(): Promise<void> {
    this.buffers.clear();
    await Promise.all(this.helpers.map((h) => h.ask({ op: 'collect' })));
  }
}

/**
 * One verification thread and its answers pending. An error on a candidate fails that match only; a thread that
 * dies fails the matches it was verifying and leaves the pool: the match thread and the rest verify on.
 */
class Helper {
  private readonly pending = new Map<number, { resolve: (copies: readonly (readonly [number, VerifiedCopy])[]) => void; reject: (e: Error) => void }>();
  private nextId = 1;
  private ended: string | null = null;

  constructor(
    private readonly worker: Worker,
    private readonly leave: (helper: Helper) => void,
  ) {
    worker.on('message', (r: VerifyResponse) => {
      const waiting = this.pending.get(r.id);
      if (!waiting) return;
      this.pending.delete(r.id);
      if ('error' in r) waiting.reject(new Error(`a verification thread failed: ${r.error}`));
      else waiting.resolve(r.copies);
    });
    worker.on('error', (e) => this.end(`a verification thread failed: ${e.message}`));
    worker.on('exit', (code) => this.end(`a verification thread exited (code ${code})`));
  }

  ask(request: VerifyRequest): Promise<readonly (readonly [number, VerifiedCopy])[]> {
    if (this.ended) return Promise.reject(new Error(this.ended));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ ...request, id });
    });
  }

  private end(reason: string): void {
    if (this.ended) return;
    this.ended = reason;
    this.leave(this);
    for (const waiting of this.pending.values()) waiting.reject(new Error(reason));
    this.pending.clear();
  }
}
