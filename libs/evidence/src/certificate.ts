import type { RegistrationEntity } from '@dramaguard/records';
import { escapeHtml, htmlPage, htmlTable } from './html';

/** What a registration certificate states; signed as canonical JSON. */
export interface Certificate {
  readonly type: 'dramaguard.registration-certificate';
  readonly version: 1;
  readonly registrationNumber: string;
  readonly holder: { readonly id: string; readonly name: string };
  readonly work: { readonly id: string; readonly title: string; readonly originalTitle: string | null };
  readonly episode: { readonly number: number; readonly title: string };
  readonly file: { readonly sha256: string; readonly sizeBytes: number; readonly durationSeconds: number };
  readonly fingerprint: { readonly sha256: string };
  readonly receivedAt: string;
  readonly registeredAt: string;
  /** Where the registration entered the audit hash chain (null for registrations older than the chain): a signed checkpoint whose chain includes this entry proves the registration came before it. */
  readonly ledger: { readonly entryId: string; readonly entryHash: string } | null;
  readonly signatureAlgorithm: 'Ed25519';
}

/** Everything comes from the stored registration, so the same registration always gives the same certificate bytes. */
export function certificateOf(r: RegistrationEntity, fingerprintSha256: string, ledger: Certificate['ledger'] = null): Certificate {
  const work = r.episode?.work;
  if (!r.episode || !work || !r.registeredAt) throw new Error(`registration ${r.id} is not a registered episode with its work`);
  return {
    type: 'dramaguard.registration-certificate',
    version: 1,
    registrationNumber: r.number,
    holder: { id: work.ownerId, name: work.rightsHolder },
    work: { id: work.id, title: work.title, originalTitle: work.originalTitle },
    episode: { number: r.episode.number, title: r.episode.title },
    file: { sha256: r.sha256, sizeBytes: Number(r.sizeBytes), durationSeconds: r.durationSeconds },
    fingerprint: { sha256: fingerprintSha256 },
    receivedAt: r.receivedAt.toISOString(),
    registeredAt: r.registeredAt.toISOString(),
    ledger,
    signatureAlgorithm: 'Ed25519',
  };
}

export function certificateHtml(c: Certificate, json: string, signatureBase64: string, digest: string): string {
  return htmlPage(
    `Registration certificate ${c.registrationNumber}`,
    [
      `<h1>Registration certificate ${escapeHtml(c.registrationNumber)}</h1>`,
      htmlTable([
        ['Registration number', c.registrationNumber],
        ['Rights holder', c.holder.name],
        ['Work', c.work.originalTitle ? `${c.work.title} (${c.work.originalTitle})` : c.work.title],
        ['Episode', `${c.episode.number}: ${c.episode.title}`],
        ['File SHA-256', c.file.sha256],
        ['Fingerprint SHA-256', c.fingerprint.sha256],
        ['Received', c.receivedAt],
        ['Registered', c.registeredAt],
        ['Audit chain entry', c.ledger ? `${c.ledger.entryId} (${c.ledger.entryHash})` : 'registered before the chain'],
        ['Certificate SHA-256', digest],
      ]),
      '<h2>Signed statement</h2>',
      '<p>The exact bytes signed (canonical JSON), and the Ed25519 signature over them in base64. The public key is served at <code>/keys/signing</code>.</p>',
      `<pre><code>${escapeHtml(json)}</code></pre>`,
      `<p>Signature: <code>${escapeHtml(signatureBase64)}</code></p>`,
    ].join('\n'),
  );
}
