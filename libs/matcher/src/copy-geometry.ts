import { centreOf, Rect } from '@dramaguard/fingerprint';

/** How a verified copy places the episode's picture in the clip's frame. */
export interface CopyGeometry {
  /** The part of the episode's frame the clip shows, normalised to the episode's frame. */
  readonly episodeRect: Rect;
  /** Where that part appears in the clip's frame, normalised to the clip's frame. */
  readonly clipRect: Rect;
  /** The episode's own picture inside bars it was registered with; the whole frame when it has none. */
  readonly episodePicture: Rect;
  /** Degrees the clip turns the episode's picture, clockwise on screen. */
  readonly rotationDegrees: number;
}

/**
 * Verification settles the region of the clip frame (`region`) that shows the
 * hashed centre of the registered view (`registered`, in the episode's frame):
 * two corresponding rectangles, hence the scale and shift from the episode's
 * frame to the clip's. The episode's frame carried over into the clip,
 * bounded by the clip frame and by the picture area the winning hypothesis
 * assumed (`bounds`), is what the clip shows; carried back, it is the part of
 * the episode shown. A turned region is taken unturned: the few degrees a
 * re-upload turns by move its edges by a pixel or two.
 */
export function copyGeometry(region: Rect, mirrored: boolean, registered: Rect, bounds: Rect): CopyGeometry {
  const centre = centreOf(registered);
  const x = axis(region.x0, region.x1, centre.x0, centre.x1, mirrored);
  const y = axis(region.y0, region.y1, centre.y0, centre.y1, false);
  const [ex0, ex1] = x.toClip(0, 1);
  const [ey0, ey1] = y.toClip(0, 1);
  const clipRect = {
    x0: Math.max(ex0, bounds.x0, 0),
    y0: Math.max(ey0, bounds.y0, 0),
    x1: Math.min(ex1, bounds.x1, 1),
    y1: Math.min(ey1, bounds.y1, 1),
  };
  const [sx0, sx1] = x.toEpisode(clipRect.x0, clipRect.x1);
  const [sy0, sy1] = y.toEpisode(clipRect.y0, clipRect.y1);
  return {
    episodeRect: { x0: Math.max(0, sx0), y0: Math.max(0, sy0), x1: Math.min(1, sx1), y1: Math.min(1, sy1) },
    clipRect,
    episodePicture: { x0: registered.x0, y0: registered.y0, x1: registered.x1, y1: registered.y1 },
    rotationDegrees: region.angle ?? 0,
  };
}

/** One axis of the map: clip [c0, c1] shows episode [e0, e1], reversed when mirrored. Both directions return ordered pairs. */
function axis(c0: number, c1: number, e0: number, e1: number, mirrored: boolean) {
  const scale = (c1 - c0) / (e1 - e0);
  const toClip = (e: number): number => (mirrored ? c1 - (e - e0) * scale : c0 + (e - e0) * scale);
  const toEpisode = (c: number): number => (mirrored ? e0 + (c1 - c) / scale : e0 + (c - c0) / scale);
  const ordered = (a: number, b: number): [number, number] => (a <= b ? [a, b] : [b, a]);
  return {
    toClip: (a: number, b: number) => ordered(toClip(a), toClip(b)),
    toEpisode: (a: number, b: number) => ordered(toEpisode(a), toEpisode(b)),
  };
}
