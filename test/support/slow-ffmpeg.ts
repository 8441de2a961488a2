import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** An ffmpeg that waits before decoding, so a job is surely in progress when a test breaks something under it. */
export function slowFfmpeg(seconds: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'dg-slow-'));
  const script = join(dir, 'ffmpeg');
  writeFileSync(script, `#!/bin/sh\nsleep ${seconds}\nexec ffmpeg "$@"\n`);
  chmodSync(script, 0o755);
  return script;
}
