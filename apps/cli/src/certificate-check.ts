import { createPublicKey, verify } from 'node:crypto';

export interface CertificateCheck {
  readonly valid: boolean;
  /** One line per check, "ok: …" or "FAILED: …". */
  readonly lines: readonly string[];
}

/**
 * Verifies a registration certificate with nothing but the service's public
 * key: the Ed25519 signature over the certificate's exact bytes, and, given
 * the episode's file, that its SHA-256 and size are the ones certified. The
 * signature may be the api's base64 text or the 64 raw bytes.
 */
export function checkCertificate(certificate: Buffer, signature: Buffer, publicKeyPem: string, file?: { readonly sha256: string; readonly sizeBytes: number }): CertificateCheck {
  const lines: string[] = [];
  const raw = signature.length === 64 ? signature : Buffer.from(signature.toString('latin1').trim(), 'base64');
  let signed = false;
  try {
    signed = raw.length === 64 && verify(null, certificate, createPublicKey(publicKeyPem), raw);
  } catch (e) {
    lines.push(`FAILED: the public key cannot be read: ${(e as Error).message}`);
  }
  lines.push(signed ? 'ok: the signature is valid for these certificate bytes' : 'FAILED: the signature does not match the certificate and key');
  let stated: { registrationNumber?: string; file?: { sha256?: string; sizeBytes?: number } } = {};
  try {
    stated = JSON.parse(certificate.toString('utf8'));
  } catch {
    lines.push('FAILED: the certificate is not JSON');
    return { valid: false, lines };
  }
  let fileOk = true;
  if (file) {
    fileOk = stated.file?.sha256 === file.sha256 && stated.file?.sizeBytes === file.sizeBytes;
    lines.push(fileOk ? `ok: the file is the one certified (SHA-256 ${file.sha256})` : `FAILED: the file (SHA-256 ${file.sha256}, ${file.sizeBytes} bytes) is not the one certified (${stated.file?.sha256}, ${stated.file?.sizeBytes} bytes)`);
  }
  if (signed && stated.registrationNumber) lines.push(`registration ${stated.registrationNumber}`);
  return { valid: signed && fileOk, lines };
}
