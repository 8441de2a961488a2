import { ConfigError } from './config-error';
import { Env } from './parse-config';

/** What the command-line client needs: where the api is and whose key to call it with. */
export interface CliConfig {
  readonly apiUrl: string;
  /** Taken from the environment only, so it never shows in a shell history or a process list. */
  readonly apiKey?: string;
}

/** DRAMAGUARD_API_URL (default http://127.0.0.1:3000) and DRAMAGUARD_API_KEY. */
export function parseCliConfig(env: Env): CliConfig {
  const raw = env.DRAMAGUARD_API_URL?.trim() || 'http://127.0.0.1:3000';
  let url: URL;
  try {
    url = new URL(raw);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error();
  } catch {
    throw new ConfigError([`DRAMAGUARD_API_URL must be an http:// or https:// URL, got "${raw}"`]);
  }
  const apiKey = env.DRAMAGUARD_API_KEY?.trim();
  return { apiUrl: url.toString().replace(/\/$/, ''), ...(apiKey ? { apiKey } : {}) };
}

export function loadCliConfig(): CliConfig {
  return parseCliConfig(process.env);
}
