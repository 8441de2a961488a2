import { Injectable } from '@nestjs/common';
import { createHash, timingSafeEqual } from 'node:crypto';
import { SigningKey } from './signing-key.service';

/**
 * The dispute token of a case's notice: derived from the case id with the
 * service's Ed25519 key (its signatures are deterministic), so nothing is
 * stored, every fetch of the notice carries the same token, and nobody
 * without the key can make one. Whoever holds the notice may dispute it.
 */
@Injectable()
export class DisputeTokens {
  constructor(private readonly key: SigningKey) {}

  tokenOf(caseId: string): string {
    return createHash('sha256').update(this.key.sign(Buffer.from(`dramaguard dispute token v1 ${caseId}`, 'utf8'))).digest('base64url');
  }

  matches(caseId: string, token: string): boolean {
    const expected = Buffer.from(this.tokenOf(caseId), 'utf8');
    const given = Buffer.from(token, 'utf8');
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
}
