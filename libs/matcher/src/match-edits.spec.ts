import { centreOf, croppedCentre, FULL_FRAME, nestRect, Rect } from '@dramaguard/fingerprint';
import { MatchSegment } from './clip-matcher';
import { copyGeometry } from './copy-geometry';
import { describeEdits, matchEdits } from './match-edits';

const segment = (speed: number, matchedFrames = 40): MatchSegment => ({ clipStart: 0, clipEnd: 5, refStart: 0, refEnd: 5 * speed, speed, matchedFrames, score: 0.9 });

/** A match whose copy shows the episode's centre at `region` of the clip frame, inside `bounds`. */
function match(region: Rect, opts: { mirrored?: boolean; bounds?: Rect; picture?: Rect; segments?: MatchSegment[] } = {}) {
  const mirrored = opts.mirrored ?? false;
  return { mirrored, geometry: copyGeometry(region, mirrored, opts.picture ?? FULL_FRAME, opts.bounds ?? FULL_FRAME), segments: opts.segments ?? [segment(1)] };
}

/** The picture shown whole at `at` of the clip frame (padding or an inset found by the detectors). */
const placed = (at: Rect) => match(centreOf(at), { bounds: at });

describe('matchEdits', () => {
  it('calls an unedited copy full frame, at the original speed, with nothing to list but that', () => {
    const e = matchEdits(match(centreOf(FULL_FRAME)));
    expect(e).toEqual({
      mirrored: false,
      speed: 1,
      rotationDegrees: 0,
      episodeRect: FULL_FRAME,
      clipRect: FULL_FRAME,
      crop: null,
      framing: 'full',
      pictureInPicture: null,
      audio: null,
    });
    expect(describeEdits(e)).toEqual(['unedited: whole picture, original speed']);
  });

  it('reports a mirrored copy and its speed, weighted by the matched frames of its segments', () => {
    const e = matchEdits(match(centreOf(FULL_FRAME), { mirrored: true, segments: [segment(1.2, 60), segment(1.3, 20)] }));
    expect(e.mirrored).toBe(true);
    expect(e.speed).toBeCloseTo(1.225, 3);
    expect(describeEdits(e)).toEqual(['mirrored', '1.23×']);
  });

  it('leaves a speed within 0.03 of 1 unmentioned', () => {
    expect(describeEdits(matchEdits(match(centreOf(FULL_FRAME), { segments: [segment(1.02)] })))).toEqual(['unedited: whole picture, original speed']);
    expect(describeEdits(matchEdits(match(centreOf(FULL_FRAME), { segments: [segment(0.9)] })))).toEqual(['0.90×']);
    expect(describeEdits(matchEdits(match(centreOf(FULL_FRAME), { segments: [segment(1.04)] })))).toEqual(['1.04×']);
  });

  it('finds the window a cropped copy kept, in the episode frame', () => {
    // Kept 80% of the width and 85% of the height, anchored at the top left.
    const e = matchEdits(match(croppedCentre(0.8, 0.85, 0, 0)));
    expect(e.framing).toBe('crop');
    expect(e.crop).toEqual({ width: 0.8, height: 0.85 });
    expect(e.episodeRect).toEqual({ x0: 0, y0: 0, x1: 0.8, y1: 0.85 });
    expect(e.clipRect).toEqual(FULL_FRAME);
    expect(describeEdits(e)).toEqual(['crop 80%×85%']);
  });

  it('does not call a 3% trim a crop', () => {
    const e = matchEdits(match(croppedCentre(0.97, 0.97, 0.5, 0.5)));
    expect(e).toMatchObject({ framing: 'full', crop: null });
  });

  it('finds a pillarboxed copy between its bars', () => {
    const active = { x0: 0.342, y0: 0, x1: 0.658, y1: 1 };
    const e = matchEdits(placed(active));
    expect(e).toMatchObject({ framing: 'pillarbox', clipRect: active, episodeRect: FULL_FRAME, crop: null, pictureInPicture: null });
    expect(describeEdits(e)).toEqual(['pillarbox']);
  });

  it('finds a letterboxed copy between its bars', () => {
    const active = { x0: 0, y0: 0.2, x1: 1, y1: 0.8 };
    expect(matchEdits(placed(active))).toMatchObject({ framing: 'letterbox', clipRect: active, pictureInPicture: null });
  });

  it('lists a crop inside bars as both', () => {
    const active = { x0: 0.3, y0: 0, x1: 0.7, y1: 1 };
    const e = matchEdits(match(nestRect(active, croppedCentre(0.8, 0.8, 0.5, 0.5)), { bounds: active }));
    expect(e).toMatchObject({ framing: 'pillarbox', crop: { width: 0.8, height: 0.8 }, episodeRect: { x0: 0.1, y0: 0.1, x1: 0.9, y1: 0.9 } });
    expect(describeEdits(e)).toEqual(['crop 80%×80%', 'pillarbox']);
  });

  it('places a picture-in-picture copy in its corner of the clip frame', () => {
    const topRight = { x0: 0.55, y0: 0.035, x1: 0.95, y1: 0.435 };
    const e = matchEdits(placed(topRight));
    expect(e.framing).toBe('inset');
    expect(e.pictureInPicture).toEqual({ position: 'top-right', rect: topRight });
    expect(describeEdits(e)).toEqual(['picture-in-picture top-right, 40%×40% of the frame']);
    expect(matchEdits(placed({ x0: 0.035, y0: 0.5, x1: 0.635, y1: 0.965 })).pictureInPicture?.position).toBe('bottom-left');
    expect(matchEdits(placed({ x0: 0.1, y0: 0.1, x1: 0.9, y1: 0.9 })).pictureInPicture?.position).toBe('centre');
    // Full height against the left edge, the rest of the frame something else: a split screen.
    expect(matchEdits(placed({ x0: 0, y0: 0, x1: 0.5, y1: 1 })).pictureInPicture?.position).toBe('left');
  });

  it('counts picture edges within 4% of the frame edge as reaching it', () => {
    expect(matchEdits(placed({ x0: 0.03, y0: 0, x1: 0.98, y1: 0.97 })).framing).toBe('full');
    expect(matchEdits(placed({ x0: 0.05, y0: 0, x1: 1, y1: 1 })).framing).not.toBe('full');
  });

  it('measures the crop against the picture the episode was registered with inside its bars', () => {
    // A letterboxed episode whose copy dropped the bars shows all of its picture: no crop.
    const picture = { x0: 0, y0: 0.125, x1: 1, y1: 0.875 };
    const e = matchEdits(match(centreOf(FULL_FRAME), { picture }));
    expect(e).toMatchObject({ framing: 'full', crop: null, episodeRect: picture });
  });

  it('reports the turn of a rotated copy in half degrees, and lists it from 1°', () => {
    const turned = matchEdits(match({ ...centreOf(FULL_FRAME), angle: -3.6 }));
    expect(turned.rotationDegrees).toBe(-3.5);
    expect(describeEdits(turned)).toEqual(['turned 3.5° anticlockwise']);
    const upright = matchEdits(match({ ...centreOf(FULL_FRAME), angle: 0.5 }));
    expect(upright.rotationDegrees).toBe(0.5);
    expect(describeEdits(upright)).toEqual(['unedited: whole picture, original speed']);
  });

  it('has no rectangles for a match without picture geometry, and copies what the audio matcher found', () => {
    // An audio-only match: its segments hold no matched frames and weigh by their length.
    const heard = [{ ...segment(1.1, 0), clipEnd: 8 }, { ...segment(1.4, 0), clipEnd: 2 }];
    const e = matchEdits({ mirrored: false, segments: heard }, { speed: 1.1, pitchChanged: true });
    expect(e).toMatchObject({ framing: 'unknown', episodeRect: null, clipRect: null, crop: null, pictureInPicture: null, audio: { speed: 1.1, pitchChanged: true } });
    expect(e.speed).toBeCloseTo((1.1 * 8 + 1.4 * 2) / 10, 3);
    expect(describeEdits(e)).toEqual(['picture placement unknown', '1.16×', 'pitch changed', 'audio 1.10×']);
  });

  it('mentions the soundtrack speed only where it differs from the picture', () => {
    const e = matchEdits(match(centreOf(FULL_FRAME)), { speed: 1.25, pitchChanged: false });
    expect(describeEdits(e)).toEqual(['audio 1.25×']);
  });
});
