import { hashApiKey, keyPrefix, newApiKey } from './api-key';

describe('API keys', () => {
  it('are dg_ and 43 base64url characters, different every time', () => {
    const a = newApiKey();
    expect(a).toMatch(/^dg_[A-Za-z0-9_-]{43}$/);
    expect(newApiKey()).not.toBe(a);
  });

  it('are stored as their SHA-256 in hex', () => {
    expect(hashApiKey('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('show only a short prefix', () => {
    expect(keyPrefix('dg_abcdefghijklmnop')).toBe('dg_abcdefg');
  });
});
