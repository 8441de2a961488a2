import { MessagePort, parentPort } from 'node:worker_threads';
import { BesideSearcher, HashIndex } from '@dramaguard/hash-index';
import { keepShapes, verifyCandidates } from '@dramaguard/matcher';
import { collectGarbage } from './collect-garbage';
import { BesideAnswer, BesideRequest } from './search-beside';
import { sharedQueue, VerifyEnvelope, VerifyResponse } from './verify-protocol';

// An empty index, for its classes only: a give-back's collection then leaves the verification's compiled code alone.
keepShapes(new HashIndex());

/** The match thread's packed tables, when this thread searches them beside it (SearchBeside). */
const beside = new BesideSearcher();

function searchBeside(port: MessagePort): void {
  port.on('message', ({ id, tables, search }: BesideRequest) => {
    if (tables !== undefined) beside.use(tables);
    if (search) beside.search(search, (hits) => port.postMessage({ ...hits, id } satisfies BesideAnswer));
  });
}

/**
 * A verification thread of the match thread's VerifyPool: no index of its
 * own, stage two on the candidates it takes, and, for the pool's first, the
 * groups of the match thread's lookups it takes while otherwise idle.
 */
parentPort?.on('message', (r: VerifyEnvelope | { op: 'search-port'; port: MessagePort }) => {
  if (r.op === 'search-port') return searchBeside(r.port);
  let response: VerifyResponse;
  try {
    if (r.op === 'collect') {
      collectGarbage();
      response = { id: r.id, copies: [] };
    } else {
      const next = sharedQueue(r.counter, r.plan.candidates.length);
      const copies = verifyCandidates(r.plan, r.frames, (e) => r.references.get(e), next, r.options);
      response = { id: r.id, copies: [...copies] };
    }
  } catch (e) {
    response = { id: r.id, error: (e as Error).message };
  }
  parentPort?.postMessage(response);
});
