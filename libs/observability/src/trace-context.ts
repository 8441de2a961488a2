import { AsyncLocalStorage } from 'node:async_hooks';

/** What the code running now works for: the request that started it and, in a worker, the job. */
export interface TraceContext {
  readonly requestId?: string;
  readonly job?: { readonly id: string; readonly name: string; readonly queue: string };
  /** Time spent waiting for decoded frames in this job, for the fingerprint/decode ratio. */
  decodeMs: number;
}

const storage = new AsyncLocalStorage<TraceContext>();

export function runTraced<T>(context: Omit<TraceContext, 'decodeMs'>, fn: () => T): T {
  return storage.run({ ...context, decodeMs: 0 }, fn);
}

export function currentTrace(): TraceContext | undefined {
  return storage.getStore();
}

/** The request id a job enqueued now should carry: the request's, or the job's that is enqueueing it. */
export function currentRequestId(): string | undefined {
  return storage.getStore()?.requestId;
}

export function noteDecodeTime(ms: number): void {
  const context = storage.getStore();
  if (context) context.decodeMs += ms;
}
