import { Injectable } from '@nestjs/common';
import { AuditRepository } from '../repositories';
import { canonicalJson } from './canonical-json';
import { Checkpoint, checkpointOf } from './checkpoint';
import { SigningKey } from './signing-key.service';

export interface SignedCheckpoint {
  readonly checkpoint: Checkpoint;
  /** The canonical JSON: exactly the bytes the signature covers. */
  readonly json: string;
  readonly signatureBase64: string;
}

/** Signs the audit chain's current head with the service's Ed25519 key (public key at /keys/signing). */
@Injectable()
export class CheckpointService {
  constructor(
    private readonly audit: AuditRepository,
    private readonly key: SigningKey,
  ) {}

  async current(): Promise<SignedCheckpoint> {
    const checkpoint = checkpointOf(await this.audit.head(), new Date());
    const json = canonicalJson(checkpoint);
    return { checkpoint, json, signatureBase64: this.key.sign(Buffer.from(json, 'utf8')).toString('base64') };
  }
}
