import { Rect, rectHeight, rectWidth } from '@dramaguard/fingerprint';
import { EpisodeMatch, MatchSegment } from './clip-matcher';

/** A normalised rectangle (0..1 of its frame, origin top left). */
export type EditRect = Omit<Rect, 'angle'>;

/**
 * How the clip frame holds the episode's picture. full: it fills the frame,
 * whole; crop: it fills the frame, part of it; pillarbox / letterbox: at full
 * height / width between bars; inset: in part of the frame (picture in
 * picture, or bars on three or four sides); unknown: no picture geometry (a
 * match on the soundtrack alone).
 */
export const FRAMINGS = ['full', 'crop', 'pillarbox', 'letterbox', 'inset', 'unknown'] as const;
export type Framing = (typeof FRAMINGS)[number];

export const INSET_POSITIONS = ['top-left', 'top', 'top-right', 'left', 'centre', 'right', 'bottom-left', 'bottom', 'bottom-right'] as const;
export type InsetPosition = (typeof INSET_POSITIONS)[number];

/** What the audio matcher found of the soundtrack's edits. */
export interface AudioEdits {
  /** Episode seconds per clip second of the soundtrack. */
  readonly speed: number;
  readonly pitchChanged: boolean;
}

/** How a clip transforms the registered episode, per match. */
export interface MatchEdits {
  /** The clip shows the episode flipped left to right. */
  readonly mirrored: boolean;
  /** Episode seconds per clip second over the matched segments, weighted by matched frames (1.2: the clip plays 1.2x fast). */
  readonly speed: number;
  /** Degrees the clip turns the episode's picture, clockwise on screen (0.5° steps). */
  readonly rotationDegrees: number;
  /** The part of the episode's frame the clip shows; null without picture geometry. */
  readonly episodeRect: EditRect | null;
  /** The part of the clip's frame showing it; null without picture geometry. */
  readonly clipRect: EditRect | null;
  /** Share of the episode's picture width and height the clip keeps, when it drops some of it. */
  readonly crop: { readonly width: number; readonly height: number } | null;
  readonly framing: Framing;
  /** Where the picture sits when the clip shows it in part of its frame (framing inset). */
  readonly pictureInPicture: { readonly position: InsetPosition; readonly rect: EditRect } | null;
  readonly audio: AudioEdits | null;
}

/**
 * A picture edge this close to a frame edge (share of the frame) reaches it.
 * Verification refines each edge of the region in steps down to 1% and the
 * hash barely tells a 5% zoom (docs/FINGERPRINT.md, section 2), so nearer
 * edges are within the estimate's error, not a bar.
 */
const EDGE = 0.04;
/** Keeping 95% or more of the picture each way is not called a crop, for the same reason. */
const WHOLE = 0.95;
/** Gaps to the two opposite frame edges within this share of the frame of each other are centred. */
const CENTRED = 0.05;
/**
 * A speed this close to 1 is the original speed: the vote's speed cells are
 * 0.01 wide, and an unchanged copy's refitted line lands within ±0.02 of 1.
 */
const SAME_SPEED = 0.03;
/** Smaller turns are not reported: verification's finest angle step is 0.5°, and an upright copy can settle one step off. */
const MIN_TURN = 1;

/** The edits of a match, from its picture geometry and segments, with what the audio matcher found of the soundtrack, if anything. */
export function matchEdits(m: Pick<EpisodeMatch, 'mirrored' | 'geometry' | 'segments'>, audio: AudioEdits | null = null): MatchEdits {
  // The picture's segments weigh by their matched frames; a soundtrack's carry none, so an audio-only match's weigh by their length.
  const pictured = m.segments.some((s) => s.matchedFrames > 0);
  const weight = (s: MatchSegment): number => (pictured ? s.matchedFrames : s.clipEnd - s.clipStart);
  const total = m.segments.reduce((sum, s) => sum + weight(s), 0);
  const speed = total > 0 ? m.segments.reduce((sum, s) => sum + s.speed * weight(s), 0) / total : 1;
  const copiedAudio = audio && { speed: round(audio.speed, 3), pitchChanged: audio.pitchChanged };
  const g = m.geometry;
  if (!g) {
    return { mirrored: m.mirrored, speed: round(speed, 3), rotationDegrees: 0, episodeRect: null, clipRect: null, crop: null, framing: 'unknown', pictureInPicture: null, audio: copiedAudio };
  }
  const episodeRect = rounded(g.episodeRect);
  const clipRect = rounded(g.clipRect);
  const crop = keptShare(g.episodeRect, g.episodePicture);
  const framing = framingOf(g.clipRect, crop !== null);
  return {
    mirrored: m.mirrored,
    speed: round(speed, 3),
    rotationDegrees: Math.round(g.rotationDegrees * 2) / 2,
    episodeRect,
    clipRect,
    crop,
    framing,
    pictureInPicture: framing === 'inset' ? { position: insetPosition(g.clipRect), rect: clipRect } : null,
    audio: copiedAudio,
  };
}

/** The edits in words, one short phrase each, as reports, evidence images and the console list them. */
export function describeEdits(e: MatchEdits): string[] {
  const out: string[] = [];
  if (e.framing === 'unknown') out.push('picture placement unknown');
  if (e.mirrored) out.push('mirrored');
  if (Math.abs(e.speed - 1) >= SAME_SPEED) out.push(`${e.speed.toFixed(2)}×`);
  if (Math.abs(e.rotationDegrees) >= MIN_TURN) out.push(`turned ${Math.abs(e.rotationDegrees)}° ${e.rotationDegrees > 0 ? 'clockwise' : 'anticlockwise'}`);
  if (e.crop) out.push(`crop ${percent(e.crop.width)}×${percent(e.crop.height)}`);
  if (e.framing === 'pillarbox' || e.framing === 'letterbox') out.push(e.framing);
  if (e.pictureInPicture) {
    const r = e.pictureInPicture.rect;
    out.push(`picture-in-picture ${e.pictureInPicture.position}, ${percent(rectWidth(r))}×${percent(rectHeight(r))} of the frame`);
  }
  if (e.audio?.pitchChanged) out.push('pitch changed');
  if (e.audio && Math.abs(e.audio.speed - e.speed) >= SAME_SPEED) out.push(`audio ${e.audio.speed.toFixed(2)}×`);
  return out.length ? out : ['unedited: whole picture, original speed'];
}

function framingOf(clip: Rect, cropped: boolean): Framing {
  const left = clip.x0 <= EDGE;
  const right = clip.x1 >= 1 - EDGE;
  const top = clip.y0 <= EDGE;
  const bottom = clip.y1 >= 1 - EDGE;
  if (left && right && top && bottom) return cropped ? 'crop' : 'full';
  if (top && bottom && !left && !right) return 'pillarbox';
  if (left && right && !top && !bottom) return 'letterbox';
  return 'inset';
}

/** Share of the episode's own picture (inside any bars it was registered with) the clip keeps each way; null when 95% or more both ways. */
function keptShare(shown: Rect, picture: Rect): { width: number; height: number } | null {
  const width = (Math.min(shown.x1, picture.x1) - Math.max(shown.x0, picture.x0)) / rectWidth(picture);
  const height = (Math.min(shown.y1, picture.y1) - Math.max(shown.y0, picture.y0)) / rectHeight(picture);
  return width >= WHOLE && height >= WHOLE ? null : { width: round(width, 3), height: round(height, 3) };
}

function insetPosition(r: Rect): InsetPosition {
  const side = (before: number, after: number): -1 | 0 | 1 => (Math.abs(before - after) <= CENTRED ? 0 : before < after ? -1 : 1);
  const h = side(r.x0, 1 - r.x1);
  const v = side(r.y0, 1 - r.y1);
  const horizontal = ['left', '', 'right'][h + 1];
  const vertical = ['top', '', 'bottom'][v + 1];
  return ((vertical && horizontal ? `${vertical}-${horizontal}` : vertical || horizontal) || 'centre') as InsetPosition;
}

function rounded(r: Rect): EditRect {
  return { x0: round(r.x0, 3), y0: round(r.y0, 3), x1: round(r.x1, 3), y1: round(r.y1, 3) };
}

function round(v: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}

function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}
