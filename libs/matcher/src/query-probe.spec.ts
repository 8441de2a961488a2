import { padFrame, renderClip, syntheticVideo } from '../../fingerprint/test/synthetic-video';
import { hashProbe, ProbeBuilder, probeClip } from './query-probe';

/** Every frame hashed under every hypothesis after the fact, the way a probe was built before ProbeBuilder. */
function hashedAfter(frames: Parameters<typeof probeClip>[0]) {
  const probe = probeClip(frames);
  hashProbe(probe, { frames }, frames.map((_, f) => f), probe.hypotheses.map((_, h) => h));
  return probe;
}

describe('ProbeBuilder', () => {
  const video = syntheticVideo(11, 6);

  it('builds, frame by frame, the probe hashed after the fact: a plain clip', () => {
    const frames = renderClip(video, 0, 3, 8, 72, 128);
    const built = new ProbeBuilder().pushAll(frames).finish();
    expect(built).toEqual(hashedAfter(frames));
  });

  it('and a pillarboxed one, whose hypotheses inside the padding wait for the layout', () => {
    // A landscape frame holding the vertical picture between dark bars.
    const frames = renderClip(video, 0, 3, 8, 72, 128).map((f) => padFrame(f, 228, 128, { x0: 0.34, y0: 0, x1: 0.66, y1: 1 }, () => 16));
    const expected = hashedAfter(frames);
    expect(expected.hypotheses.some((h) => Math.abs(h.root.x0 - 0.34) < 0.05)).toBe(true);
    expect(new ProbeBuilder().pushAll(frames).finish()).toEqual(expected);
  });

  it('builds the plain baseline probe too, and an empty one', () => {
    const frames = renderClip(video, 0, 1, 8, 72, 128);
    const plain = new ProbeBuilder().pushAll(frames).finish(true);
    expect(plain.hypotheses).toHaveLength(1);
    expect(plain.hashed.every((h) => h === 1)).toBe(true);
    expect(new ProbeBuilder().finish()).toMatchObject({ frames: 0, hypotheses: [] });
  });
});
