import { Fingerprint, fingerprintFrames } from '../src/fingerprint';
import { GreyFrame, Rect } from '../src/grey-frame';

// Bound once: a hot loop then does not look up the global Math on every call,
// which is slow inside a vm context (jest runs the specs in one).
const { ceil, exp, floor, imul, max, min, round, sin } = Math;

/**
 * Procedural test footage for the pure libraries' specs: a video is a
 * function of normalised position and time (moving soft blobs, a new shot
 * every few seconds), so a copy's crop, mirror, speed-up or colour change is
 * rendered exactly instead of approximated by resampling pixels.
 */
export interface SyntheticVideo {
  readonly seconds: number;
  /** Luminance 0..255 at normalised (u, v) of the original picture, time t seconds. */
  at(u: number, v: number, t: number): number;
}

interface Blob {
  x: number;
  y: number;
  sx: number;
  sy: number;
  amp: number;
  vx: number;
  vy: number;
}

export function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let r = imul(s ^ (s >>> 15), 1 | s);
    r = (r + imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}

export function syntheticVideo(seed: number, seconds: number, shotSeconds = 3): SyntheticVideo {
  const rnd = random(seed);
  const shots: { base: number; blobs: Blob[]; grain: number[] }[] = [];
  for (let s = 0; s < ceil(seconds / shotSeconds); s++) {
    const blobs: Blob[] = [];
    for (let b = 0; b < 14; b++) {
      blobs.push({
        x: rnd(), y: rnd(), sx: 0.04 + 0.25 * rnd(), sy: 0.04 + 0.25 * rnd(),
        amp: (rnd() - 0.5) * 160, vx: (rnd() - 0.5) * 0.08, vy: (rnd() - 0.5) * 0.08,
      });
    }
    // Fine texture, as real pictures have: detail that low DCT frequencies ignore but padding lacks.
    const grain = [12 + 20 * rnd(), 12 + 20 * rnd(), 2 * Math.PI * rnd(), 12 + 20 * rnd(), 12 + 20 * rnd(), 2 * Math.PI * rnd()];
    shots.push({ base: 80 + 90 * rnd(), blobs, grain });
  }
  return {
    seconds,
    at(u, v, t) {
      const shot = shots[min(shots.length - 1, max(0, floor(t / shotSeconds)))];
      const local = t % shotSeconds;
      const g = shot.grain;
      let value = shot.base + 10 * sin(2 * Math.PI * (g[0] * u + g[1] * v) + g[2]) + 10 * sin(2 * Math.PI * (g[3] * u - g[4] * v) + g[5]);
      for (const b of shot.blobs) {
        const dx = (u - b.x - b.vx * local) / b.sx;
        const dy = (v - b.y - b.vy * local) / b.sy;
        value += b.amp * exp(-(dx * dx + dy * dy));
      }
      // Keep clear of 0 and 255, so that tone edits in the specs do not clip.
      return 128 + 0.55 * (value - 128);
    },
  };
}

/** How a copy shows the original: which part of it, mirrored or not, with which tone curve and noise. */
export interface CopyEdit {
  readonly window?: Rect;
  readonly mirror?: boolean;
  readonly tone?: (v: number) => number;
  readonly noise?: number;
  readonly seed?: number;
}

/** Renders the video at time t into a width x height frame as the edit says. */
export function renderFrame(video: SyntheticVideo, t: number, width: number, height: number, edit: CopyEdit = {}): GreyFrame {
  const w = edit.window ?? { x0: 0, y0: 0, x1: 1, y1: 1 };
  const rnd = random(edit.seed ?? round(t * 1000) + 7);
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let u = (x + 0.5) / width;
      if (edit.mirror) u = 1 - u;
      const v = (y + 0.5) / height;
      let value = video.at(w.x0 + u * (w.x1 - w.x0), w.y0 + v * (w.y1 - w.y0), t);
      if (edit.tone) value = edit.tone(value);
      if (edit.noise) value += (rnd() - 0.5) * 2 * edit.noise;
      data[y * width + x] = max(0, min(255, round(value)));
    }
  }
  return { width, height, data };
}

/** Frames of [from, to) seconds of the video sampled at fps, each at clip time index / fps. */
export function renderClip(
  video: SyntheticVideo,
  from: number,
  to: number,
  fps: number,
  width: number,
  height: number,
  edit: CopyEdit & { speed?: number } = {},
): GreyFrame[] {
  const speed = edit.speed ?? 1;
  const frames: GreyFrame[] = [];
  for (let i = 0; from + (i / fps) * speed < to; i++) frames.push(renderFrame(video, from + (i / fps) * speed, width, height, edit));
  return frames;
}

/** A frame with the picture placed in `inside` (normalised) over a flat or blurred background. */
export function padFrame(picture: GreyFrame, width: number, height: number, inside: Rect, background: (x: number, y: number) => number): GreyFrame {
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const u = ((x + 0.5) / width - inside.x0) / (inside.x1 - inside.x0);
      const v = ((y + 0.5) / height - inside.y0) / (inside.y1 - inside.y0);
      if (u >= 0 && u < 1 && v >= 0 && v < 1) {
        data[y * width + x] = picture.data[floor(v * picture.height) * picture.width + floor(u * picture.width)];
      } else {
        data[y * width + x] = background(x, y);
      }
    }
  }
  return { width, height, data };
}

/** The registered fingerprint of rendered frames, as a worker would build it. */
export function fingerprintOf(frames: readonly GreyFrame[], fps = 8): Fingerprint {
  return fingerprintFrames(frames, fps);
}
