import { centreOf, CENTRE_INSET } from './fingerprint';
import { FULL_FRAME, nestRect, Rect } from './grey-frame';

/** How a suspect clip's picture might relate to the registered one. */
export type GeometryKind = 'identity' | 'crop' | 'rotation' | 'pip';

/** A candidate region of the clip's frame that would show the registered episode's hashed centre. */
export interface Hypothesis {
  readonly kind: GeometryKind;
  readonly rect: Rect;
  /**
   * The part of the clip frame this hypothesis takes to hold the picture (the
   * whole frame, the picture inside padding, a detected inset): a match's
   * report bounds the episode's picture by it, since a crop inside bars would
   * otherwise seem to spill over them.
   */
  readonly root: Rect;
}

/** Where the registered picture may sit in the clip, as found by the detectors. */
export interface ClipLayout {
  /** Picture inside padding (pillarbox, letterbox, blurred background), if any. */
  readonly active: Rect | null;
  /** Picture-in-picture copy in a corner, if any. */
  readonly inset: Rect | null;
  /** Width / height of the clip's frame. */
  readonly aspect: number;
  /** Only the unedited geometry: the baseline the benchmarks compare robustness against. */
  readonly plain?: boolean;
}

/** Share of the original kept by the crops tried (each side), and where the kept window sits. */
const CROP_KEEP = [0.9, 0.8, 0.7];
const CROP_ANCHORS = [0, 0.5, 1];
/** Turns tried for slightly rotated copies, in degrees, plain and with the zoom that hides the corners. */
const TURNS = [-4, 4];
const TURN_KEEP = 0.84;
/** Size of a picture-in-picture copy relative to the frame, and its distance from the corner, when none is detected. */
const PIP_SCALES = [0.4, 0.5, 0.6];
const PIP_MARGIN = 0.035;
/** Width / height of the vertical video short dramas are made in. */
const PORTRAIT_ASPECT = 9 / 16;

/**
 * Regions of the clip to hash. For a root region (the whole frame, the active
 * picture inside padding, a detected inset picture) the registered centre is
 * at the root's own centre if the copy is uncropped; if the copy kept a window
 * of `keep` x `keep` of the original anchored at (ax, ay), the registered
 * centre lies at ((inset - ax(1-keep)) / keep, ...) of the root, possibly past
 * its edges. Turned variants catch copies rotated by a few degrees; a grid of
 * corner regions stands in for an inset picture the detector missed.
 */
export function queryHypotheses(layout: ClipLayout): Hypothesis[] {
  if (layout.plain) return [{ kind: 'identity', rect: centreOf(FULL_FRAME), root: FULL_FRAME }];
  const roots = [FULL_FRAME];
  if (layout.active && !sameRect(layout.active, FULL_FRAME)) roots.push(layout.active);
  else if (layout.aspect > 1.2) roots.push(centredPortrait(layout.aspect));
  if (layout.inset) roots.push(layout.inset);
  const out: Hypothesis[] = [];
  for (const root of roots) {
    out.push({ kind: 'identity', rect: centreOf(root), root });
    for (const keep of CROP_KEEP) {
      for (const ay of CROP_ANCHORS) {
        for (const ax of CROP_ANCHORS) out.push({ kind: 'crop', rect: nestRect(root, croppedCentre(keep, keep, ax, ay)), root });
      }
    }
  }
  for (const root of roots.slice(0, 2)) {
    for (const angle of TURNS) {
      out.push({ kind: 'rotation', rect: { ...centreOf(root), angle }, root });
      out.push({ kind: 'rotation', rect: { ...nestRect(root, croppedCentre(TURN_KEEP, TURN_KEEP, 0.5, 0.5)), angle }, root });
    }
  }
  if (!layout.inset) {
    const mx = PIP_MARGIN;
    const my = PIP_MARGIN * layout.aspect;
    for (const s of PIP_SCALES) {
      for (const [cx, cy] of [[0, 0], [1, 0], [0, 1], [1, 1]]) {
        const x0 = cx === 0 ? mx : 1 - mx - s;
        const y0 = cy === 0 ? my : 1 - my - s;
        // The grid guesses where an undetected inset sits; verification moves the
        // region to where it is, so only the frame bounds the picture.
        out.push({ kind: 'pip', rect: centreOf({ x0, y0, x1: x0 + s, y1: y0 + s }), root: FULL_FRAME });
      }
    }
  }
  return out;
}

/** Where the registered centre lies in a copy that kept a keepX x keepY window anchored at (ax, ay). */
export function croppedCentre(keepX: number, keepY: number, ax: number, ay: number): Rect {
  const a = CENTRE_INSET;
  const x0 = ax * (1 - keepX);
  const y0 = ay * (1 - keepY);
  return { x0: (a - x0) / keepX, y0: (a - y0) / keepY, x1: (1 - a - x0) / keepX, y1: (1 - a - y0) / keepY };
}

/**
 * The usual re-upload of a vertical drama in a landscape frame centres it at
 * full height; tried when padding detection finds nothing (a dark or busy
 * background can hide the edge).
 */
function centredPortrait(aspect: number): Rect {
  const w = PORTRAIT_ASPECT / aspect;
  return { x0: (1 - w) / 2, y0: 0, x1: (1 + w) / 2, y1: 1 };
}

function sameRect(a: Rect, b: Rect): boolean {
  return Math.abs(a.x0 - b.x0) < 0.01 && Math.abs(a.y0 - b.y0) < 0.01 && Math.abs(a.x1 - b.x1) < 0.01 && Math.abs(a.y1 - b.y1) < 0.01;
}
