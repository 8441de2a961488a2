import { parentPort } from 'node:worker_threads';
import { HashIndex } from '@dramaguard/hash-index';
import { keepShapes, verifyCandidates } from '@dramaguard/matcher';
import { collectGarbage } from './collect-garbage';
import { sharedQueue, VerifyEnvelope, VerifyResponse } from './verify-protocol';

// An empty index, for its classes only: a give-back's collection then leaves the verification's compiled code alone.
keepShapes(new HashIndex());

/** A verification thread of the match thread's VerifyPool: no index, only stage two on the candidates it takes. */
parentPort?.on('message', (r: VerifyEnvelope) => {
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
