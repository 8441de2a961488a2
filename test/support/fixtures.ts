import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Generated once per machine and reused by every spec; bump the version when a recipe changes. */
const DIR = join(tmpdir(), 'dramaguard-fixtures-v2');
/**
 * x264 as every cached fixture is encoded (add a -crf): one encoder thread, since with several every encode of the
 * same recipe made other bytes (docs/BENCHMARK.md, sections 23 and 24).
 */
export const X264 = ['-c:v', 'libx264', '-preset', 'veryfast', '-pix_fmt', 'yuv420p', '-threads', '1'];
const ENCODE = [...X264, '-crf', '30'];

export async function ffmpeg(args: string[]): Promise<void> {
  await run('ffmpeg', ['-hide_banner', '-v', 'error', '-nostdin', '-y', ...args]);
}

/**
 * dir/name, made by ffmpeg on first use: written under a partial name and
 * renamed, so a spec that stops half-way never leaves a truncated video behind.
 */
export async function makeOnce(dir: string, name: string, args: (out: string) => string[]): Promise<string> {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, name);
  if (existsSync(path)) return path;
  const partial = join(dir, `partial-${process.pid}-${name}`);
  await ffmpeg(args(partial));
  renameSync(partial, path);
  return path;
}

function make(name: string, args: (out: string) => string[]): Promise<string> {
  return makeOnce(DIR, name, args);
}

function lavfi(source: string, seconds: number, extra: string[] = []): (out: string) => string[] {
  return (out) => ['-f', 'lavfi', '-i', source, '-t', String(seconds), ...ENCODE, ...extra, '-movflags', '+faststart', out];
}

/** Three distinct vertical "episodes", unrelated footage, and edited copies. */
export const fixtures = {
  episode1: () => make('episode1.mp4', lavfi('testsrc2=size=360x640:rate=25', 15)),
  episode2: () => make('episode2.mp4', lavfi('sierpinski=size=360x640:rate=25:seed=11:jump=40:type=carpet', 12)),
  episode3: () =>
    make('episode3.mp4', lavfi('life=size=90x160:rate=25:mold=10:ratio=0.2:seed=7:life_color=#ffcc66:death_color=#203050,scale=360:640:flags=neighbor', 12)),
  unrelated: () => make('unrelated.mp4', lavfi('cellauto=size=360x640:rate=25:rule=30:seed=3', 10)),
  /** Episode 1 from 4 s to 10 s, scaled down, brightened and re-encoded harder. */
  excerpt: async () => {
    const src = await fixtures.episode1();
    return make('excerpt.mp4', (out) => ['-ss', '4', '-t', '6', '-i', src, '-vf', 'scale=270:480,eq=brightness=0.08', ...ENCODE, '-crf', '33', out]);
  },
  /**
   * All of episode 1, scaled and re-encoded: what another holder registering it
   * shares is too long (15 s, all of it) to be common content such as a
   * platform sting, so it is a registration conflict (docs/FINGERPRINT.md, section 7).
   */
  copy: async () => {
    const src = await fixtures.episode1();
    return make('copy.mp4', (out) => ['-i', src, '-vf', 'scale=270:480,eq=brightness=0.05', ...ENCODE, '-crf', '32', out]);
  },
  /** Episode 1 from 1 s to 9 s at another size and quality: a recap the same holder registers as an episode. */
  recap: async () => {
    const src = await fixtures.episode1();
    return make('recap.mp4', (out) => ['-ss', '1', '-t', '8', '-i', src, '-vf', 'scale=300:534', ...ENCODE, '-crf', '31', out]);
  },
  /** Episode 2 from 2 s to 7 s mirrored, then episode 3 from 3 s to 8 s. */
  compilation: async () => {
    const [a, b] = [await fixtures.episode2(), await fixtures.episode3()];
    return make('compilation.mp4', (out) => [
      ...['-ss', '2', '-t', '5', '-i', a, '-ss', '3', '-t', '5', '-i', b],
      ...['-filter_complex', '[0:v]setpts=PTS-STARTPTS,hflip[a];[1:v]setpts=PTS-STARTPTS[b];[a][b]concat=n=2:v=1[v]', '-map', '[v]'],
      ...ENCODE,
      out,
    ]);
  },
  /** Episode 2 from 2 s to 8 s mirrored, at full height in the middle of a landscape frame: black bars left and right (picture at x 219-421 of 640). */
  pillarboxed: async () => {
    const src = await fixtures.episode2();
    return make('pillarboxed.mp4', (out) => ['-ss', '2', '-t', '6', '-i', src, '-vf', 'hflip,scale=202:360,pad=640:360:219:0:black', ...ENCODE, out]);
  },
  /** A 4:3 picture delivered letterboxed in a 9:16 frame (black bars above and below): its fingerprint has a second view. */
  letterboxed: () =>
    make('letterboxed.mp4', lavfi('mandelbrot=size=360x480:rate=25,pad=360:640:0:80:black', 10)),
  /** The letterboxed episode from 2 s to 8 s with its bars cut off, as a re-uploader would. */
  unboxed: async () => {
    const src = await fixtures.letterboxed();
    return make('unboxed.mp4', (out) => ['-ss', '2', '-t', '6', '-i', src, '-vf', 'crop=360:480:0:80,scale=300:400', ...ENCODE, out]);
  },
  /** A valid video of a given size and length, for the limit checks. */
  sized: (width: number, height: number, seconds: number) =>
    make(`sized-${width}x${height}-${seconds}.mp4`, lavfi(`testsrc=size=${width}x${height}:rate=10`, seconds)),
  audioOnly: () => make('audio-only.m4a', (out) => ['-f', 'lavfi', '-i', 'sine=frequency=440:duration=3', '-c:a', 'aac', out]),
  /** The first third of an mp4 whose index sits at its end: no container can be read. */
  truncatedHead: async () => {
    const src = await fixtures.episode3();
    return make('truncated-moov-at-end.mp4', (out) => ['-i', src, '-c', 'copy', '-f', 'mp4', out]).then((p) => cut(p, 'truncated-head.mp4', 0.33));
  },
  /** The first third of an mp4 whose index comes first: it probes fine and fails only while decoding. */
  truncatedTail: async () => cut(await fixtures.episode3(), 'truncated-tail.mp4', 0.33),
};

async function cut(src: string, name: string, share: number): Promise<string> {
  const path = join(DIR, name);
  if (!existsSync(path)) {
    const bytes = readFileSync(src);
    writeFileSync(path, bytes.subarray(0, Math.floor(bytes.length * share)));
  }
  return path;
}
