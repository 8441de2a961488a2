import { AppConfig } from './app-config';
import { parseConfig } from './parse-config';

/** The one place that reads process.env. */
export function loadConfig(): AppConfig {
  return parseConfig(process.env);
}
