import { MessagePort, receiveMessageOnPort } from 'node:worker_threads';
import type { OfferedHits, OfferedSearch, SearchHelper, SharedTables } from '@dramaguard/hash-index';

/** What the match thread posts to the verification thread that searches beside it: new tables (null: forget them), a search, or both. */
export interface BesideRequest {
  readonly id: number;
  readonly tables?: SharedTables | null;
  readonly search?: OfferedSearch;
}

/** What that thread answers for a search's groups it took. */
export type BesideAnswer = OfferedHits & { readonly id: number };

/**
 * The match thread's side of a verification thread searching its index's
 * packed tables beside it (HashIndex.searchBeside), over a port of their
 * own: the tables' arrays are shared, posted once per pack; the answers are
 * read from the port synchronously (receiveMessageOnPort), since the match
 * thread's search does not return to its event loop. Once the thread is gone
 * (close), nothing is offered and the match thread searches alone.
 */
export class SearchBeside implements SearchHelper {
  private posted: SharedTables | null = null;
  private id = 0;
  private closed = false;

  constructor(private readonly port: MessagePort) {}

  offer(tables: SharedTables, search: OfferedSearch): void {
    this.id++;
    if (this.closed) return;
    const request: BesideRequest = { id: this.id, search, ...(tables !== this.posted && { tables }) };
    this.port.postMessage(request);
    this.posted = tables;
  }

  collect(): OfferedHits[] {
    const answers: OfferedHits[] = [];
    for (let m = receiveMessageOnPort(this.port); m; m = receiveMessageOnPort(this.port)) {
      const answer = m.message as BesideAnswer;
      if (answer.id === this.id) answers.push(answer);
    }
    return answers;
  }

  forget(): void {
    if (this.closed || !this.posted) return;
    this.posted = null;
    const request: BesideRequest = { id: this.id, tables: null };
    this.port.postMessage(request);
  }

  close(): void {
    this.closed = true;
    this.port.close();
  }
}
