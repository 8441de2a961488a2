import { apiKeyFrom } from './api-key-header';

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
