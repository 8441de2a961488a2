import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@dramaguard/config';
import { createPrivateKey, createPublicKey, generateKeyPairSync, KeyObject, sign } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';

/**
 * The service's Ed25519 key, from the PEM file at SIGNING_KEY_PATH. When the
 * file does not exist it is generated once and written readable by the owner
 * only; two processes starting together keep whichever file was written first.
 */
@Injectable()
export class SigningKey implements OnModuleInit {
  private readonly log = new Logger(SigningKey.name);
  private privateKey: KeyObject | null = null;
  private publicPem = '';

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async onModuleInit(): Promise<void> {
    const path = resolve(this.config.signingKeyPath);
    const pem = (await readIfPresent(path)) ?? (await this.create(path));
    this.privateKey = createPrivateKey(pem);
    if (this.privateKey.asymmetricKeyType !== 'ed25519') throw new Error(`${path} does not hold an Ed25519 private key`);
    this.publicPem = createPublicKey(this.privateKey).export({ type: 'spki', format: 'pem' }).toString();
  }

  /** PEM (SPKI) of the public key: what `openssl pkeyutl -verify -pubin` reads. */
  get publicKeyPem(): string {
    return this.publicPem;
  }

  /** Ed25519 signs the bytes themselves (no separate digest), which `openssl pkeyutl -rawin` verifies. */
  sign(data: Buffer): Buffer {
    if (!this.privateKey) throw new Error('the signing key is not loaded yet');
    return sign(null, data, this.privateKey);
  }

  private async create(path: string): Promise<string> {
    const pem = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    await mkdir(dirname(path), { recursive: true });
    try {
      await writeFile(path, pem, { mode: 0o600, flag: 'wx' });
      this.log.log(`generated a new Ed25519 signing key in ${path}`);
      return pem;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      return (await readIfPresent(path)) as string;
    }
  }
}

async function readIfPresent(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}
