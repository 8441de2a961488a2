import { Injectable } from '@nestjs/common';
import type { GreyFrame, GreyFrameBlock } from '@dramaguard/fingerprint';
import { createWriteStream, WriteStream } from 'node:fs';
import { FileHandle, mkdir, open, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { once } from 'node:events';
import { FRAME_FILE_HEADER_BYTES, frameBytes, frameFileHeader, parseFrameFileHeader } from './frame-file';
import { MediaStore } from './media-store.service';

/** Decoded frames live under the media directory, which every worker shares, until the clip's result is merged. */
const FRAMES_DIR = 'frames';
const READ_FRAMES = 32;
/** Files beside a video's frames: its soundtrack's fingerprint, its full probe. */
const SIDECARS = ['sound', 'probe'] as const;
type Sidecar = (typeof SIDECARS)[number];

/** Writes one video's frames as they are decoded; `close` makes the file visible whole, `abort` drops it. */
export class FrameFileWriter {
  private out: WriteStream | null = null;
  private size: { width: number; height: number } | null = null;
  private count = 0;

  constructor(
    private readonly path: string,
    private readonly partial: string,
  ) {}

  get frames(): number {
    return this.count;
  }

  write(frame: GreyFrame): void {
    if (!this.out || !this.size) {
      this.size = { width: frame.width, height: frame.height };
      this.out = createWriteStream(this.partial);
      this.out.write(frameFileHeader(frame.width, frame.height));
    }
    // Not copied: a decoded frame is its reader's own (FrameChunker) and nothing writes to it after, so the
    // stream may hold it until written; a copy of every frame was garbage the malloc heap grew to hold.
    const data = frameBytes(frame, this.size.width, this.size.height);
    this.out.write(Buffer.from(data.buffer, data.byteOffset, data.byteLength));
    this.count++;
  }

  async close(): Promise<void> {
    if (!this.out) throw new Error('no frame was written');
    this.out.end();
    await once(this.out, 'close');
    await rename(this.partial, this.path);
  }

  async abort(): Promise<void> {
    if (!this.out) return;
    this.out.destroy();
    await once(this.out, 'close').catch(() => undefined);
    await unlink(this.partial).catch(() => undefined);
  }
}

async function frameSize(file: FileHandle): Promise<{ width: number; height: number }> {
  const header = Buffer.alloc(FRAME_FILE_HEADER_BYTES);
  await file.read(header, 0, FRAME_FILE_HEADER_BYTES, 0);
  return parseFrameFileHeader(header);
}

/** Decoded frames of clips, written once by the decoding worker and read by every shard that matches them. */
@Injectable()
export class FrameStore {
  constructor(private readonly media: MediaStore) {}

  keyOf(id: string): string {
    return `${FRAMES_DIR}/${id}.gray`;
  }

  pathOf(id: string): string {
    return this.media.pathOf(this.keyOf(id));
  }

  async exists(id: string): Promise<boolean> {
    try {
      await stat(this.pathOf(id));
      return true;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw e;
    }
  }

  async writer(id: string): Promise<FrameFileWriter> {
    const path = this.pathOf(id);
    await mkdir(dirname(path), { recursive: true });
    return new FrameFileWriter(path, `${path}.${process.pid}.partial`);
  }

  /**
   * Runs `produce` with a function that writes each frame it is given to the
   * file of `id`; the file appears whole when `produce` resolves, and not at
   * all when it throws.
   */
  async record<T>(id: string, produce: (write: (frame: GreyFrame) => void) => Promise<T>): Promise<T> {
    const writer = await this.writer(id);
    try {
      const result = await produce((frame) => writer.write(frame));
      await writer.close();
      return result;
    } catch (e) {
      await writer.abort();
      throw e;
    }
  }

  /** The frames in order; throws ENOENT (code) when the file is not there. */
  async *read(id: string): AsyncGenerator<GreyFrame> {
    const file = await open(this.pathOf(id), 'r');
    try {
      const { width, height } = await frameSize(file);
      const bytes = width * height;
      let position = FRAME_FILE_HEADER_BYTES;
      // One chunk for the whole read: its frames are copied out before the next read overwrites it.
      const chunk = Buffer.alloc(bytes * READ_FRAMES);
      for (;;) {
        const { bytesRead } = await file.read(chunk, 0, chunk.length, position);
        position += bytesRead;
        for (let at = 0; at + bytes <= bytesRead; at += bytes) {
          // A copy, not a view: a frame posted to the match thread would carry the whole chunk with it.
          const data = new Uint8Array(bytes);
          data.set(chunk.subarray(at, at + bytes));
          yield { width, height, data };
        }
        if (bytesRead < chunk.length) return;
      }
    } finally {
      await file.close();
    }
  }

  /**
   * Frames `first` to `first + count` (fewer at the end of the file) in one
   * read, into the bytes `allocate` gives (a buffer of their own by default);
   * throws ENOENT (code) when the file is not there.
   */
  async readBlock(id: string, first: number, count: number, allocate: (bytes: number) => Uint8Array = (bytes) => new Uint8Array(bytes)): Promise<GreyFrameBlock> {
    const file = await open(this.pathOf(id), 'r');
    try {
      const { width, height } = await frameSize(file);
      const size = width * height;
      const wanted = size * count;
      const data = allocate(wanted);
      let read = 0;
      for (;;) {
        const { bytesRead } = await file.read(data, read, wanted - read, FRAME_FILE_HEADER_BYTES + first * size + read);
        read += bytesRead;
        if (!bytesRead || read === wanted) break;
      }
      const frames = Math.floor(read / size);
      return { width, height, frames, data: data.subarray(0, frames * size) };
    } finally {
      await file.close();
    }
  }

  /** The soundtrack's fingerprint beside the frames, for the shards that read them (the registration's own row is written only after they answer). */
  writeSound(id: string, sound: Buffer): Promise<void> {
    return this.writeSidecar(id, 'sound', sound);
  }

  /** Null when the video has no soundtrack (none was written). */
  readSound(id: string): Promise<Buffer | null> {
    return this.readSidecar(id, 'sound');
  }

  /** The clip's full probe (its frames hashed under every hypothesis, once for all shards) beside its frames. */
  writeProbe(id: string, probe: Buffer): Promise<void> {
    return this.writeSidecar(id, 'probe', probe);
  }

  /** Null when none was written (a clip sent out by an earlier release, or a registration's frames). */
  readProbe(id: string): Promise<Buffer | null> {
    return this.readSidecar(id, 'probe');
  }

  async remove(id: string): Promise<void> {
    await this.media.remove(this.keyOf(id));
    for (const kind of SIDECARS) await this.media.remove(this.sidecarKeyOf(id, kind));
  }

  private async writeSidecar(id: string, kind: Sidecar, data: Buffer): Promise<void> {
    const path = this.media.pathOf(this.sidecarKeyOf(id, kind));
    await mkdir(dirname(path), { recursive: true });
    await writeFile(`${path}.${process.pid}.partial`, data);
    await rename(`${path}.${process.pid}.partial`, path);
  }

  private async readSidecar(id: string, kind: Sidecar): Promise<Buffer | null> {
    try {
      return await readFile(this.media.pathOf(this.sidecarKeyOf(id, kind)));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw e;
    }
  }

  private sidecarKeyOf(id: string, kind: Sidecar): string {
    return `${FRAMES_DIR}/${id}.${kind}`;
  }
}
