import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { Caller } from '@dramaguard/rights';
import { AuditRepository, canonicalJson, DomainError, FingerprintRepository } from '@dramaguard/records';
import { RegistrationService } from '@dramaguard/catalogue';
import { Certificate, certificateHtml, certificateOf } from './certificate';
import { SigningKey } from './signing-key.service';

export interface SignedCertificate {
  readonly certificate: Certificate;
  /** The canonical JSON: exactly the bytes the signature covers. */
  readonly json: Buffer;
  readonly signatureBase64: string;
  /** SHA-256 of `json`, hex: how case reports refer to the certificate. */
  readonly digest: string;
}

@Injectable()
export class CertificateService {
  constructor(
    private readonly registrations: RegistrationService,
    private readonly fingerprints: FingerprintRepository,
    private readonly audit: AuditRepository,
    private readonly key: SigningKey,
  ) {}

  /** Only a registered episode has a certificate; its visibility is the registration's. */
  async issue(caller: Caller, registrationId: string): Promise<SignedCertificate> {
    const registration = await this.registrations.get(caller, registrationId);
    const data = registration.status === 'registered' ? await this.fingerprints.dataOf(registrationId) : null;
    if (!data) throw new DomainError('registration_not_registered', `registration ${registration.number} is ${registration.status}; only registered episodes have certificates`);
    const ledger = await this.audit.positionOf('registration', registrationId, 'registration.registered');
    const certificate = certificateOf(registration, sha256(data), ledger);
    const json = Buffer.from(canonicalJson(certificate), 'utf8');
    return { certificate, json, signatureBase64: this.key.sign(json).toString('base64'), digest: sha256(json) };
  }

  async html(caller: Caller, registrationId: string): Promise<string> {
    const s = await this.issue(caller, registrationId);
    return certificateHtml(s.certificate, s.json.toString('utf8'), s.signatureBase64, s.digest);
  }

  get publicKeyPem(): string {
    return this.key.publicKeyPem;
  }
}

function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}
