import { createHash, randomBytes } from 'node:crypto';

const PREFIX = 'dg_';

/** 32 random bytes: guessing is hopeless, so a plain SHA-256 (no salt, no stretching) is a safe way to store it. */
export function newApiKey(): string {
  return PREFIX + randomBytes(32).toString('base64url');
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** Enough of the key to tell keys apart in a listing, far too little to guess the rest. */
export function keyPrefix(key: string): string {
  return key.slice(0, 10);
}
