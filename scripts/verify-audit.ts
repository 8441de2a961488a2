// The offline verifier of DramaGuard's audit log: fetches every entry through
// the api (an admin's key in DRAMAGUARD_API_KEY, never on the command line),
// recomputes the hash chain with the same code the service uses, and checks
// the service's signed checkpoint, or one saved earlier (--checkpoint FILE),
// against it. Exit code 0: the log is intact up to the checkpoint.
// Usage: DRAMAGUARD_API_KEY=… npm run verify:audit -- --api http://host:3000 [--checkpoint saved.json]
import { createPublicKey, verify } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { CHAIN_START, checkChain } from '../libs/records/src/audit-chain';

interface Entry {
  id: string;
  at: string;
  actorId: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  prevHash: string | null;
  hash: string | null;
}

interface SignedCheckpoint {
  json: string;
  signature: string;
}

const args = process.argv.slice(2);
const option = (name: string): string | undefined => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const api = option('--api') ?? 'http://127.0.0.1:3000';
const key = process.env.DRAMAGUARD_API_KEY;

async function get(path: string, authenticated = true): Promise<Response> {
  const res = await fetch(`${api}${path}`, { headers: authenticated && key ? { authorization: `Bearer ${key}` } : {} });
  if (!res.ok) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
  return res;
}

async function main(): Promise<number> {
  if (!key) throw new Error('set DRAMAGUARD_API_KEY to an admin key');
  const entries: Entry[] = [];
  for (let page = 1; ; page++) {
    const body = (await (await get(`/audit?page=${page}&pageSize=100`)).json()) as { items: Entry[]; total: number };
    entries.push(...body.items);
    if (!body.items.length || entries.length >= body.total) break;
  }
  const chain = checkChain(
    entries.map((e) => ({ ...e, at: new Date(e.at) })),
    CHAIN_START,
  );
  const signed: SignedCheckpoint = option('--checkpoint') ? JSON.parse(readFileSync(option('--checkpoint') as string, 'utf8')) : await (await get('/transparency/checkpoint', false)).json();
  const publicKey = createPublicKey(await (await get('/keys/signing', false)).text());
  const signatureValid = verify(null, Buffer.from(signed.json), publicKey, Buffer.from(signed.signature, 'base64'));
  const checkpoint = JSON.parse(signed.json) as { entries: number; lastEntryId: string | null; head: string; at: string };
  const covered = checkpoint.lastEntryId === null || entries.some((e) => e.id === checkpoint.lastEntryId && e.hash === checkpoint.head);
  console.log(`${entries.length} entries read; ${chain.checked} follow from the ones before them`);
  if (chain.brokenAt) console.log(`entry ${chain.brokenAt} does not follow from the entries before it: it, or one before it, was edited, inserted or deleted in the database`);
  console.log(`checkpoint of ${checkpoint.at} (${checkpoint.entries} entries, head ${checkpoint.head}): signature ${signatureValid ? 'valid' : 'INVALID'}, head ${covered ? 'found in the log' : 'NOT in the log'}`);
  return chain.brokenAt === null && signatureValid && covered ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (e: Error) => {
    console.error(e.message);
    process.exit(2);
  },
);
