import { join } from 'node:path';
import { ResourceLimits, WorkerOptions } from 'node:worker_threads';

/**
 * The file a thread of this folder runs (`name` without extension), and how:
 * built code runs the compiled file; code run from TypeScript sources (the
 * specs) runs the source through ts-node.
 */
export function threadEntry(name: string, options: { readonly resourceLimits: ResourceLimits; readonly workerData?: unknown }): { file: string; options: WorkerOptions } {
  if (!__filename.endsWith('.ts')) return { file: join(__dirname, `${name}.js`), options };
  return { file: join(__dirname, `${name}.ts`), options: { ...options, execArgv: ['--require', 'ts-node/register/transpile-only', '--require', 'tsconfig-paths/register'] } };
}
