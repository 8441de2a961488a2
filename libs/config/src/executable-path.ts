import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, isAbsolute, join, resolve } from 'node:path';

export type ExecutableCheck = (path: string) => boolean;

export const isExecutableFile: ExecutableCheck = (path) => {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
};

/**
 * Finds a program the way a shell would: a value with a slash is a path, a
 * bare name is looked up on PATH. Returns the absolute path, or null.
 */
export function findExecutable(value: string, pathVar: string | undefined, check: ExecutableCheck): string | null {
  if (value.includes('/')) {
    const full = isAbsolute(value) ? value : resolve(value);
    return check(full) ? full : null;
  }
  for (const dir of (pathVar ?? '').split(delimiter).filter(Boolean)) {
    const candidate = join(dir, value);
    if (check(candidate)) return candidate;
  }
  return null;
}
