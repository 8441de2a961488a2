import { apiKeyFrom, basicAuthPassword } from './api-key-header';

describe('apiKeyFrom', () => {
  it('reads a bearer token, whatever the case of the scheme', () => {
    expect(apiKeyFrom({ authorization: 'Bearer dg_abc' })).toBe('dg_abc');
    expect(apiKeyFrom({ authorization: 'bearer   dg_abc ' })).toBe('dg_abc');
  });

  it('falls back to x-api-key', () => {
    expect(apiKeyFrom({ 'x-api-key': ' dg_xyz ' })).toBe('dg_xyz');
    expect(apiKeyFrom({ authorization: 'Basic dXNlcjpwdw==', 'x-api-key': 'dg_xyz' })).toBe('dg_xyz');
  });

  it('finds nothing in other schemes or empty headers', () => {
    expect(apiKeyFrom({})).toBeUndefined();
    expect(apiKeyFrom({ authorization: 'Basic dXNlcjpwdw==' })).toBeUndefined();
    expect(apiKeyFrom({ authorization: 'Bearer' })).toBeUndefined();
    expect(apiKeyFrom({ 'x-api-key': '  ' })).toBeUndefined();
  });
});

describe('basicAuthPassword', () => {
  const basic = (text: string) => ({ authorization: `Basic ${Buffer.from(text).toString('base64')}` });

  it('reads the password, whatever the user name', () => {
    expect(basicAuthPassword(basic('admin:dg_key:with-colon'))).toBe('dg_key:with-colon');
    expect(basicAuthPassword(basic(':dg_key'))).toBe('dg_key');
  });

  it('finds none in other schemes or without a password', () => {
    expect(basicAuthPassword({ authorization: 'Bearer dg_abc' })).toBeUndefined();
    expect(basicAuthPassword(basic('admin'))).toBeUndefined();
    expect(basicAuthPassword(basic('admin:'))).toBeUndefined();
    expect(basicAuthPassword({})).toBeUndefined();
  });
});
