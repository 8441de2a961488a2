import type { AppConfig } from '@dramaguard/config';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DisputeTokens } from './dispute-tokens.service';
import { SigningKey } from './signing-key.service';

describe('DisputeTokens', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dg-tokens-'));
  const keyAt = async (file: string): Promise<SigningKey> => {
    const key = new SigningKey({ signingKeyPath: join(dir, file) } as AppConfig);
    await key.onModuleInit();
    return key;
  };
  let tokens: DisputeTokens;

  beforeAll(async () => {
    tokens = new DisputeTokens(await keyAt('a.pem'));
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('gives each case one token, the same every time, 256 bits in base64url', () => {
    const t = tokens.tokenOf('case-1');
    expect(t).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(tokens.tokenOf('case-1')).toBe(t);
    expect(tokens.tokenOf('case-2')).not.toBe(t);
  });

  it('accepts a case’s token for that case only, and no altered or truncated token', () => {
    const t = tokens.tokenOf('case-1');
    expect(tokens.matches('case-1', t)).toBe(true);
    expect(tokens.matches('case-2', t)).toBe(false);
    expect(tokens.matches('case-1', t.slice(0, -1))).toBe(false);
    expect(tokens.matches('case-1', `${t.slice(0, -1)}${t.endsWith('A') ? 'B' : 'A'}`)).toBe(false);
  });

  it('cannot be made without the service’s key', async () => {
    const other = new DisputeTokens(await keyAt('b.pem'));
    expect(other.tokenOf('case-1')).not.toBe(tokens.tokenOf('case-1'));
    expect(tokens.matches('case-1', other.tokenOf('case-1'))).toBe(false);
  });
});
