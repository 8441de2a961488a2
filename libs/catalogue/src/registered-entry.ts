import { createHash } from 'node:crypto';
import type { NewAuditEntry, RegistrationEntity } from '@dramaguard/records';

/**
 * The audit entry that puts a registration in the hash chain: its number and
 * the digests of its file and fingerprint. Its position (id and hash) is
 * printed on the certificate, so a signed checkpoint taken later proves the
 * registration existed before it.
 */
export function registeredEntry(r: Pick<RegistrationEntity, 'id' | 'number' | 'sha256'>, fingerprint: Buffer, actorId: string | null): NewAuditEntry {
  return {
    actorId,
    action: 'registration.registered',
    subjectType: 'registration',
    subjectId: r.id,
    before: null,
    after: { number: r.number, fileSha256: r.sha256, fingerprintSha256: createHash('sha256').update(fingerprint).digest('hex') },
  };
}
