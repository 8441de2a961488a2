import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@dramaguard/config';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, readdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';

/** Registered episodes and suspect clips are kept apart so either can get its own retention rules. */
export type MediaKind = 'episodes' | 'clips';

/** Generated files that can be made again from the media: evidence images. */
const CACHE_DIR = 'cache';

export interface StoredMedia {
  /** Path relative to the media directory: what rows store, so the directory can move. */
  readonly key: string;
  /** False when the same content was already stored. */
  readonly created: boolean;
}

/**
 * Content-addressed file store: uploads land in `incoming/`, are hashed, and
 * move to `<kind>/<first two hex digits>/<sha256>`. Same content, same file.
 */
@Injectable()
export class MediaStore implements OnModuleInit {
  private readonly root: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.root = resolve(config.mediaDir);
  }

  async onModuleInit(): Promise<void> {
    await mkdir(this.incomingDir, { recursive: true });
  }

  get incomingDir(): string {
    return join(this.root, 'incoming');
  }

  async sha256(file: string): Promise<string> {
    const hash = createHash('sha256');
    for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
    return hash.digest('hex');
  }

  /** Moves an incoming upload to its content address. */
  async keep(incoming: string, kind: MediaKind, sha256: string): Promise<StoredMedia> {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error(`not a SHA-256: ${sha256}`);
    const key = [kind, sha256.slice(0, 2), sha256].join('/');
    const target = this.pathOf(key);
    await mkdir(join(target, '..'), { recursive: true });
    if (await exists(target)) {
      await this.discardIncoming(incoming);
      return { key, created: false };
    }
    await rename(incoming, target);
    return { key, created: true };
  }

  /**
   * A generated file under `cache/`, made by `make` on first use. It is
   * written to a temporary name and renamed, so a concurrent reader sees the
   * whole file or none.
   */
  async cached(name: string, make: () => Promise<Buffer>): Promise<Buffer> {
    const path = this.pathOf(`${CACHE_DIR}/${name}`);
    try {
      return await readFile(path);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
    const data = await make();
    await mkdir(dirname(path), { recursive: true });
    const partial = `${path}.${process.pid}.${Date.now()}.partial`;
    await writeFile(partial, data);
    await rename(partial, path);
    return data;
  }

  pathOf(key: string): string {
    const path = resolve(this.root, key);
    if (!path.startsWith(this.root + sep)) throw new Error(`media key escapes the media directory: ${key}`);
    return path;
  }

  async remove(key: string): Promise<void> {
    await unlinkIfPresent(this.pathOf(key));
  }

  /** Deletes uploads left in `incoming/` longer than `olderThanMs` (their request died with its process); answers how many. */
  async sweepIncoming(olderThanMs: number): Promise<number> {
    let removed = 0;
    for (const name of await readdir(this.incomingDir)) {
      const path = join(this.incomingDir, name);
      const info = await stat(path).catch(() => null);
      if (!info?.isFile() || Date.now() - info.mtimeMs < olderThanMs) continue;
      await unlinkIfPresent(path);
      removed++;
    }
    return removed;
  }

  /** Deletes a leftover upload; refuses anything outside `incoming/`. */
  async discardIncoming(file: string): Promise<void> {
    const rel = relative(this.incomingDir, resolve(file));
    if (rel.startsWith('..') || rel.includes(sep)) throw new Error(`not an incoming upload: ${file}`);
    await unlinkIfPresent(resolve(file));
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw e;
  }
}

async function unlinkIfPresent(path: string): Promise<void> {
  try {
    await unlink(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
}
