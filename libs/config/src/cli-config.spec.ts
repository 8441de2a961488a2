import { ConfigError } from './config-error';
import { parseCliConfig } from './cli-config';

describe('parseCliConfig', () => {
  it('calls the local api without a key unless told otherwise', () => {
    expect(parseCliConfig({})).toEqual({ apiUrl: 'http://127.0.0.1:3000' });
    expect(parseCliConfig({ DRAMAGUARD_API_URL: 'https://dg.example.org/', DRAMAGUARD_API_KEY: ' dg_abc ' })).toEqual({ apiUrl: 'https://dg.example.org', apiKey: 'dg_abc' });
  });

  it('refuses an address it cannot call', () => {
    expect(() => parseCliConfig({ DRAMAGUARD_API_URL: 'ftp://x' })).toThrow(ConfigError);
    expect(() => parseCliConfig({ DRAMAGUARD_API_URL: 'localhost:3000' })).toThrow(/DRAMAGUARD_API_URL must be an http:\/\/ or https:\/\/ URL, got "localhost:3000"/);
  });
});
