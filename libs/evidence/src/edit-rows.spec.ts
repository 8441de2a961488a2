import { editRows, ReportEdits, signalsText } from './edit-rows';

const pillarboxed: ReportEdits = {
  mirrored: true,
  speed: 1.2,
  rotationDegrees: 0,
  episodeRect: { x0: 0, y0: 0, x1: 1, y1: 1 },
  clipRect: { x0: 0.342, y0: 0, x1: 0.658, y1: 1 },
  crop: null,
  framing: 'pillarbox',
  pictureInPicture: null,
  audio: null,
  summary: ['mirrored', '1.20×', 'pillarbox'],
};

describe('editRows', () => {
  it('lists the edits and where the picture is in each frame', () => {
    expect(editRows(['picture'], pillarboxed)).toEqual([
      ['Signals', 'picture'],
      ['Edits', 'mirrored · 1.20× · pillarbox'],
      ['Episode picture shown', '0%–100% across, 0%–100% down of the episode frame'],
      ['Shown in the clip at', '34%–66% across, 0%–100% down of the clip frame'],
    ]);
  });

  it('leaves out the rectangles of a match without picture geometry', () => {
    const audioOnly: ReportEdits = { ...pillarboxed, episodeRect: null, clipRect: null, framing: 'unknown', summary: ['picture placement unknown'] };
    expect(editRows(['audio'], audioOnly)).toEqual([
      ['Signals', 'audio only'],
      ['Edits', 'picture placement unknown'],
    ]);
  });

  it('says what the soundtrack says, when it had something to compare', () => {
    const rows = editRows(['picture'], pillarboxed, { score: 0, speed: 1.2, pitchChanged: false, agreement: 'contradicts' });
    expect(rows[1]).toEqual(['Soundtrack', "both have sound along the match and it is not the episode's: the picture's score was lowered"]);
    expect(editRows(['audio'], null, { score: 0.9, speed: 1.1, pitchChanged: true, agreement: 'unchecked' })[1][1]).toBe('found by the sound alone (1.10×, pitch changed with the speed, score 0.90)');
    expect(editRows(['picture'], pillarboxed).map(([label]) => label)).not.toContain('Soundtrack');
  });

  it('says when a match was stored before edits were recorded', () => {
    expect(editRows(['picture'], null)).toEqual([
      ['Signals', 'picture'],
      ['Edits', 'not recorded (matched before edits were recorded)'],
    ]);
  });
});

describe('signalsText', () => {
  it('names what a match rests on', () => {
    expect(signalsText(['picture'])).toBe('picture');
    expect(signalsText(['picture', 'audio'])).toBe('picture + audio');
    expect(signalsText(['audio'])).toBe('audio only');
  });
});
