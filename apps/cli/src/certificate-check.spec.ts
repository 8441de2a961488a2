import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import { checkCertificate } from './certificate-check';

const sha256 = (data: Buffer): string => createHash('sha256').update(data).digest('hex');

describe('checkCertificate', () => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const pem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const video = Buffer.from('the episode file');
  const certificate = Buffer.from(JSON.stringify({ registrationNumber: 'DG-2026-000001', file: { sha256: sha256(video), sizeBytes: video.length } }));
  const signature = sign(null, certificate, privateKey);

  it('accepts the signature as raw bytes or base64, and the certified file', () => {
    expect(checkCertificate(certificate, signature, pem).valid).toBe(true);
    const check = checkCertificate(certificate, Buffer.from(signature.toString('base64') + '\n'), pem, { sha256: sha256(video), sizeBytes: video.length });
    expect(check).toEqual({
      valid: true,
      lines: ['ok: the signature is valid for these certificate bytes', `ok: the file is the one certified (SHA-256 ${sha256(video)})`, 'registration DG-2026-000001'],
    });
  });

  it('refuses a certificate changed by one byte, another key, and another file', () => {
    const edited = Buffer.from(certificate.toString().replace('000001', '000002'));
    expect(checkCertificate(edited, signature, pem).valid).toBe(false);
    const other = generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }).toString();
    expect(checkCertificate(certificate, signature, other).lines[0]).toBe('FAILED: the signature does not match the certificate and key');
    const check = checkCertificate(certificate, signature, pem, { sha256: sha256(Buffer.from('x')), sizeBytes: 1 });
    expect(check.valid).toBe(false);
    expect(check.lines[1]).toMatch(/^FAILED: the file .* is not the one certified/);
  });
});
