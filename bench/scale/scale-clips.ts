// The suspect clips of bench:scale, made with ffmpeg from the set's refs
// (copies under pirate edits) and from the benchmark's distractor footage
// (non-copies), cached in bench/out/scale-clips.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';

export interface ScaleClip {
  readonly file: string;
  /** Ref names (file stems) the clip copies; empty for a non-copy. */
  readonly copies: string[];
}

const EDITS = [
  'hflip,crop=iw*0.85:ih*0.85:iw*0.1:ih*0.05,scale=360:640,setpts=PTS/1.15',
  'scale=360:640,eq=brightness=0.06:contrast=1.1',
  'crop=iw*0.88:ih*0.88:0:ih*0.12,scale=360:640',
  'hflip,scale=360:640,eq=saturation=1.4',
  'scale=300:532,setpts=PTS/1.1,scale=360:640',
];

/**
 * One encoder thread: x264 with several made a different file on every run (6 encodes of one clip, 6 files), so
 * no checkout matched the bytes another had matched; with one, two encodes are the same bytes (docs/BENCHMARK.md,
 * section 23).
 */
function encode(inputs: string[], pieces: { input: number; start: number; seconds: number }[], edit: string, out: string): void {
  const args = inputs.flatMap((f) => ['-i', f]);
  const parts = pieces.map((p, i) => `[${p.input}:v]trim=start=${p.start}:duration=${p.seconds},setpts=PTS-STARTPTS,fps=30,scale=540:960,setsar=1[v${i}]`).join(';');
  const filter = `${parts};${pieces.map((_, i) => `[v${i}]`).join('')}concat=n=${pieces.length}:v=1:a=0,${edit}[out]`;
  execFileSync('ffmpeg', ['-v', 'error', '-y', ...args, '-filter_complex', filter, '-map', '[out]', '-t', '60', '-c:v', 'libx264', '-threads', '1', '-preset', 'veryfast', '-crf', '28', out]);
}

/** `copies` clips of 60 s cut from 3 refs each and `others` of distractor footage only, every one edited. */
export function scaleClips(setDir: string, sourcesDir: string, outDir: string, copies: number, others: number): ScaleClip[] {
  mkdirSync(outDir, { recursive: true });
  const refs = readdirSync(join(setDir, 'refs')).filter((f) => f.endsWith('.mp4')).sort().map((f) => join(setDir, 'refs', f));
  const distractors = readdirSync(sourcesDir).filter((f) => f.startsWith('x_') && f.endsWith('.mp4')).sort().map((f) => join(sourcesDir, f));
  const clips: ScaleClip[] = [];
  for (let i = 0; i < copies; i++) {
    const picked = [0, 1, 2].map((k) => refs[(i + 2 * k) % refs.length]);
    const out = join(outDir, `copy-${i}.mp4`);
    if (!existsSync(out)) encode(picked, picked.map((_, k) => ({ input: k, start: (i * 3 + k * 2) % 4, seconds: 22 })), EDITS[i % EDITS.length], out);
    clips.push({ file: out, copies: [...new Set(picked.map((f) => basename(f, '.mp4')))] });
  }
  for (let i = 0; i < others; i++) {
    const picked = [0, 1, 2, 3, 4].map((k) => distractors[(i + k) % distractors.length]);
    const out = join(outDir, `other-${i}.mp4`);
    if (!existsSync(out)) encode(picked, picked.map((_, k) => ({ input: k, start: 0, seconds: 14 })), EDITS[i % EDITS.length], out);
    clips.push({ file: out, copies: [] });
  }
  return clips;
}

/**
 * `count` 60 s 1080x1920 copies, each of three refs (the k-th starts at ref
 * k), for the upload-to-verdict time against a bare decode of the same file.
 */
export function hdClips(setDir: string, outDir: string, count: number): string[] {
  const refs = readdirSync(join(setDir, 'refs')).filter((f) => f.endsWith('.mp4')).sort().map((f) => join(setDir, 'refs', f));
  return Array.from({ length: count }, (_, k) => {
    const out = join(outDir, `hd-1080x1920-${k}.mp4`);
    if (existsSync(out)) return out;
    const picked = [0, 1, 2].map((i) => refs[(k + i) % refs.length]);
    encode(picked, picked.map((_, i) => ({ input: i, start: 0, seconds: 21 })), 'hflip,scale=1080:1920', out);
    return out;
  });
}
