/** One aligned pair: the frame of the clip and of the registered episode shown at corresponding times. */
export interface EvidencePair {
  readonly clip: { readonly width: number; readonly height: number };
  readonly episode: { readonly width: number; readonly height: number };
  readonly clipSeconds: number;
  readonly episodeSeconds: number;
}

export interface Placement {
  readonly left: number;
  readonly top: number;
}

export interface Label {
  readonly x: number;
  readonly y: number;
  readonly text: string;
}

/** A rectangle normalised to its frame (0..1, origin top left). */
export interface FrameRect {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

/** The parts of the clip's and the episode's frames that show the same picture. */
export interface FrameOutlines {
  readonly clip: FrameRect;
  readonly episode: FrameRect;
}

/** An outline in the image's pixels. */
export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface EvidenceLayout {
  readonly width: number;
  readonly height: number;
  readonly clips: Placement[];
  readonly episodes: Placement[];
  readonly labels: Label[];
  readonly boxes: Box[];
}

export const EVIDENCE_FRAME_HEIGHT = 240;
/** Wide enough for a timecode label under a narrow vertical frame. */
const MIN_COLUMN = 200;
const GAP = 12;
const CAPTION = 26;
/** Height of one title line; the header holds as many as the title has. */
const TITLE_LINE = 20;
/** Width of an outline's stroke, in pixels. */
const STROKE = 2;

/** HH:MM:SS.mmm, as editors and takedown notices write times. */
export function formatTimecode(seconds: number): string {
  const ms = Math.max(0, Math.round(seconds * 1000));
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = Math.floor((ms % 60_000) / 1000);
  const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
  return `${pad(h)}:${pad(m)}:${pad(s)}.${pad(ms % 1000, 3)}`;
}

/**
 * Rows of pairs, clip on the left and episode on the right, each frame with
 * its timecode under it and the title on top, one line per line of it (a
 * vertical episode's image is narrow: the work's title gets a line of its
 * own). Columns are as wide as their widest frame (at least MIN_COLUMN);
 * frames are centred in their cell. With `outlines`, every frame gets a box
 * around the part of it that shows the same picture as its partner.
 */
export function evidenceLayout(pairs: readonly EvidencePair[], title: string, outlines: FrameOutlines | null = null): EvidenceLayout {
  if (!pairs.length) throw new RangeError('an evidence image needs at least one pair');
  const clipColumn = Math.max(MIN_COLUMN, ...pairs.map((p) => p.clip.width));
  const episodeColumn = Math.max(MIN_COLUMN, ...pairs.map((p) => p.episode.width));
  const rowHeight = Math.max(...pairs.flatMap((p) => [p.clip.height, p.episode.height])) + CAPTION;
  const width = GAP + clipColumn + GAP + episodeColumn + GAP;
  const clips: Placement[] = [];
  const episodes: Placement[] = [];
  const lines = title.split('\n');
  const header = 10 + TITLE_LINE * lines.length;
  const labels: Label[] = lines.map((text, k) => ({ x: GAP, y: TITLE_LINE * (k + 1), text }));
  const boxes: Box[] = [];
  pairs.forEach((p, i) => {
    const top = header + i * (rowHeight + GAP);
    const clipLeft = GAP + Math.floor((clipColumn - p.clip.width) / 2);
    const episodeLeft = GAP + clipColumn + GAP + Math.floor((episodeColumn - p.episode.width) / 2);
    clips.push({ left: clipLeft, top });
    episodes.push({ left: episodeLeft, top });
    if (outlines) boxes.push(box(outlines.clip, clipLeft, top, p.clip), box(outlines.episode, episodeLeft, top, p.episode));
    labels.push({ x: GAP, y: top + rowHeight - 8, text: `clip ${formatTimecode(p.clipSeconds)}` });
    labels.push({ x: GAP + clipColumn + GAP, y: top + rowHeight - 8, text: `episode ${formatTimecode(p.episodeSeconds)}` });
  });
  return { width, height: header + pairs.length * (rowHeight + GAP), clips, episodes, labels, boxes };
}

/**
 * A frame's rectangle in the image's pixels, clamped to the frame and pulled
 * in by half the stroke, so an outline of the whole frame stays on it.
 */
function box(r: FrameRect, left: number, top: number, size: { readonly width: number; readonly height: number }): Box {
  const clamp = (v: number): number => Math.min(1, Math.max(0, v));
  const x0 = Math.round(clamp(r.x0) * size.width) + STROKE / 2;
  const y0 = Math.round(clamp(r.y0) * size.height) + STROKE / 2;
  const x1 = Math.round(clamp(r.x1) * size.width) - STROKE / 2;
  const y1 = Math.round(clamp(r.y1) * size.height) - STROKE / 2;
  return { x: left + x0, y: top + y0, width: Math.max(0, x1 - x0), height: Math.max(0, y1 - y0) };
}

/** The labels and outlines as an SVG overlay of the whole image; text is escaped, so file names cannot inject markup. */
export function overlaySvg(layout: EvidenceLayout): string {
  const texts = layout.labels
    .map((l) => `<text x="${l.x}" y="${l.y}" font-family="DejaVu Sans, WenQuanYi Zen Hei, sans-serif" font-size="14" fill="#f2f2f2">${escapeXml(l.text)}</text>`)
    .join('');
  const boxes = layout.boxes
    .map((b) => `<rect x="${b.x}" y="${b.y}" width="${b.width}" height="${b.height}" fill="none" stroke="#ffc83d" stroke-width="${STROKE}"/>`)
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${layout.width}" height="${layout.height}">${boxes}${texts}</svg>`;
}

export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}
