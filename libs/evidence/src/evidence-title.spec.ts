import { MatchEdits } from '@dramaguard/matcher';
import { evidenceNotes, evidenceTitle } from './evidence-title';

describe('evidenceTitle', () => {
  it('names the registration, the work by its original title first, the episode and the clip stretch', () => {
    expect(evidenceTitle('DG-2026-000001', { title: 'The Secret Bride', originalTitle: '秘密新娘' }, 3, { clipStart: 1.5, clipEnd: 9 })).toBe(
      'DG-2026-000001  秘密新娘 The Secret Bride\nepisode 3, clip 1.50-9.00 s',
    );
  });

  it('gives a title once when there is no other', () => {
    expect(evidenceTitle('DG-1', { title: '闪婚', originalTitle: null }, 1, { clipStart: 0, clipEnd: 2 })).toBe('DG-1  闪婚\nepisode 1, clip 0.00-2.00 s');
    expect(evidenceTitle('DG-1', { title: '闪婚', originalTitle: '闪婚' }, 1, { clipStart: 0, clipEnd: 2 })).toBe('DG-1  闪婚\nepisode 1, clip 0.00-2.00 s');
  });
});

describe('evidenceTitle with edits', () => {
  const work = { title: '闪婚', originalTitle: null };

  it('adds the edits on a line of their own', () => {
    expect(evidenceTitle('DG-1', work, 1, { clipStart: 0, clipEnd: 2 }, ['mirrored', '1.20×', 'crop 80%×85%', 'pillarbox'])).toBe(
      'DG-1  闪婚\nepisode 1, clip 0.00-2.00 s\nmirrored · 1.20× · crop 80%×85% · pillarbox',
    );
  });

  it('wraps long edits between phrases, never inside one', () => {
    const title = evidenceTitle('DG-1', work, 1, { clipStart: 0, clipEnd: 2 }, ['mirrored', '1.20×', 'turned 3.5° clockwise', 'picture-in-picture top-right, 40%×40% of the frame']);
    expect(title.split('\n').slice(2)).toEqual(['mirrored · 1.20× · turned 3.5° clockwise', 'picture-in-picture top-right, 40%×40% of the frame']);
  });
});

describe('evidenceNotes', () => {
  const mirrored: MatchEdits = {
    mirrored: true,
    speed: 1,
    rotationDegrees: 0,
    episodeRect: { x0: 0, y0: 0, x1: 1, y1: 1 },
    clipRect: { x0: 0, y0: 0, x1: 1, y1: 1 },
    crop: null,
    framing: 'full',
    pictureInPicture: null,
    audio: null,
  };

  it('names the signals only when the soundtrack took part, then the edits', () => {
    expect(evidenceNotes(['picture'], mirrored)).toEqual(['mirrored']);
    expect(evidenceNotes(['picture', 'audio'], mirrored)).toEqual(['signals: picture + audio', 'mirrored']);
    expect(evidenceNotes(['audio'], null)).toEqual(['signals: audio only']);
    expect(evidenceNotes(['picture'], null)).toEqual([]);
  });
});
