import type { FusedMatch } from '@dramaguard/audio';
import { EpisodeMatch } from '@dramaguard/matcher';
import { toNewMatch } from './new-match';

describe('toNewMatch', () => {
  it('stores the share-weighted matched-frame count of a segment as a whole number', () => {
    const match: EpisodeMatch = {
      episode: 'r1',
      score: 0.97,
      mirrored: false,
      region: { x0: 0, y0: 0, x1: 1, y1: 1 },
      segments: [{ clipStart: 0, clipEnd: 12, refStart: 0, refEnd: 12, speed: 1, matchedFrames: 44.285714, score: 0.97 }],
    };
    const stored = toNewMatch(match, { verdict: 'case_opened', licenceId: null, policy: null });
    expect(stored.segments[0]).toMatchObject({ clipStart: 0, episodeEnd: 12, matchedFrames: 44 });
    expect(Number.isInteger(stored.segments[0].matchedFrames)).toBe(true);
  });

  it('stores how the clip edits the episode, from the geometry the matcher settled', () => {
    const match: EpisodeMatch = {
      episode: 'r1',
      score: 0.9,
      mirrored: true,
      region: { x0: 0.39, y0: 0.15, x1: 0.61, y1: 0.85 },
      geometry: {
        episodeRect: { x0: 0, y0: 0, x1: 1, y1: 1 },
        clipRect: { x0: 0.34, y0: 0, x1: 0.66, y1: 1 },
        episodePicture: { x0: 0, y0: 0, x1: 1, y1: 1 },
        rotationDegrees: 0,
      },
      segments: [{ clipStart: 0, clipEnd: 5, refStart: 2, refEnd: 8, speed: 1.2, matchedFrames: 36, score: 0.9 }],
    };
    expect(toNewMatch(match, { verdict: 'case_opened', licenceId: null, policy: null }).edits).toMatchObject({
      mirrored: true,
      speed: 1.2,
      framing: 'pillarbox',
      clipRect: { x0: 0.34, y0: 0, x1: 0.66, y1: 1 },
      audio: null,
    });
  });

  it('stores unknown framing for a match without picture geometry (a shard answer from an earlier release)', () => {
    const match: EpisodeMatch = {
      episode: 'r1',
      score: 0.9,
      mirrored: false,
      region: { x0: 0, y0: 0, x1: 1, y1: 1 },
      segments: [{ clipStart: 0, clipEnd: 5, refStart: 0, refEnd: 5, speed: 1, matchedFrames: 36, score: 0.9 }],
    };
    expect(toNewMatch(match, { verdict: 'case_opened', licenceId: null, policy: null }).edits).toMatchObject({ framing: 'unknown', episodeRect: null });
  });

  it('copies the soundtrack’s speed and pitch into the edits where the soundtrack was matched, not where it only contradicted', () => {
    const picture: EpisodeMatch = {
      episode: 'r1',
      score: 0.7,
      mirrored: false,
      region: { x0: 0.15, y0: 0.15, x1: 0.85, y1: 0.85 },
      segments: [{ clipStart: 0, clipEnd: 5, refStart: 0, refEnd: 6, speed: 1.2, matchedFrames: 30, score: 0.7 }],
    };
    const fused = (signals: ('picture' | 'audio')[], agreement: 'agrees' | 'contradicts'): FusedMatch => ({
      ...picture,
      segments: picture.segments.map((s) => ({ ...s, signals })),
      signals,
      audio: { score: 0.8, speed: 1.2, pitchChanged: true, agreement },
    });
    const verdict = { verdict: 'case_opened' as const, licenceId: null, policy: null };
    expect(toNewMatch(fused(['picture', 'audio'], 'agrees'), verdict).edits.audio).toEqual({ speed: 1.2, pitchChanged: true });
    expect(toNewMatch(fused(['picture'], 'contradicts'), verdict).edits.audio).toBeNull();
  });
});
