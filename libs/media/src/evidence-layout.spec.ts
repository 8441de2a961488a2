import { escapeXml, evidenceLayout, formatTimecode, overlaySvg } from './evidence-layout';

const pair = (clipW: number, episodeW: number, clipSeconds = 1, episodeSeconds = 5) => ({
  clip: { width: clipW, height: 240 },
  episode: { width: episodeW, height: 240 },
  clipSeconds,
  episodeSeconds,
});

describe('formatTimecode', () => {
  it('writes hours, minutes, seconds and milliseconds', () => {
    expect(formatTimecode(0)).toBe('00:00:00.000');
    expect(formatTimecode(4.25)).toBe('00:00:04.250');
    expect(formatTimecode(3723.0456)).toBe('01:02:03.046');
  });

  it('rounds to the millisecond without overflowing a second', () => {
    expect(formatTimecode(59.9996)).toBe('00:01:00.000');
  });
});

describe('evidenceLayout', () => {
  it('puts clip frames left and episode frames right, one row per pair, under a title', () => {
    const l = evidenceLayout([pair(300, 280), pair(300, 280), pair(300, 280)], 'DG-2026-000001');
    expect(l.width).toBe(12 + 300 + 12 + 280 + 12);
    expect(l.clips.map((p) => p.left)).toEqual([12, 12, 12]);
    expect(l.episodes.map((p) => p.left)).toEqual([324, 324, 324]);
    expect(l.clips.map((p) => p.top)).toEqual([30, 30 + 266 + 12, 30 + 2 * (266 + 12)]);
    expect(l.height).toBe(30 + 3 * (266 + 12));
    expect(l.labels[0]).toEqual({ x: 12, y: 20, text: 'DG-2026-000001' });
  });

  it('gives each line of the title a line of the header', () => {
    const l = evidenceLayout([pair(300, 280)], 'DG-2026-000001  秘密新娘\nepisode 1, clip 0.00-6.00 s');
    expect(l.labels.slice(0, 2)).toEqual([
      { x: 12, y: 20, text: 'DG-2026-000001  秘密新娘' },
      { x: 12, y: 40, text: 'episode 1, clip 0.00-6.00 s' },
    ]);
    expect(l.clips[0].top).toBe(50);
    expect(l.height).toBe(50 + 266 + 12);
  });

  it('labels every frame with its timecode under it', () => {
    const l = evidenceLayout([pair(300, 300, 0.5, 4.5)], 't');
    expect(l.labels.slice(1)).toEqual([
      { x: 12, y: 30 + 266 - 8, text: 'clip 00:00:00.500' },
      { x: 324, y: 30 + 266 - 8, text: 'episode 00:00:04.500' },
    ]);
  });

  it('centres narrower frames in their column, which is never narrower than a label', () => {
    const l = evidenceLayout([pair(100, 426), pair(136, 136)], 't');
    expect(l.clips[0].left).toBe(12 + 50);
    expect(l.clips[1].left).toBe(12 + 32);
    expect(l.episodes[1].left).toBe(12 + 200 + 12 + 145);
    expect(l.width).toBe(12 + 200 + 12 + 426 + 12);
  });

  it('needs at least one pair', () => {
    expect(() => evidenceLayout([], 't')).toThrow(RangeError);
  });
});

describe('evidenceLayout outlines', () => {
  const outlines = { clip: { x0: 0.25, y0: 0, x1: 0.75, y1: 1 }, episode: { x0: 0.1, y0: 0.1, x1: 0.9, y1: 0.9 } };

  it('boxes the part of each frame that shows the same picture, in image pixels, within the frame', () => {
    const l = evidenceLayout([pair(400, 200), pair(400, 200)], 't', outlines);
    expect(l.boxes).toHaveLength(4);
    // Clip frame at (12, 30), 400 x 240: x from 100 to 300, the whole height, pulled in by half the 2 px stroke.
    expect(l.boxes[0]).toEqual({ x: 12 + 101, y: 30 + 1, width: 198, height: 238 });
    // Episode frame centred in its 200 px column at x 424: 10%..90% of 200 x 240.
    expect(l.boxes[1]).toEqual({ x: 424 + 21, y: 30 + 25, width: 158, height: 190 });
    expect(l.boxes[2].y).toBe(30 + 266 + 12 + 1);
  });

  it('clamps a rectangle reaching past the frame to the frame', () => {
    const l = evidenceLayout([pair(400, 200)], 't', { clip: { x0: -0.1, y0: 0, x1: 1.2, y1: 1 }, episode: outlines.episode });
    expect(l.boxes[0]).toEqual({ x: 13, y: 31, width: 398, height: 238 });
  });

  it('draws no boxes without outlines', () => {
    expect(evidenceLayout([pair(400, 200)], 't').boxes).toEqual([]);
  });
});

describe('overlaySvg', () => {
  it('draws each box as an unfilled rectangle', () => {
    const svg = overlaySvg(evidenceLayout([pair(400, 200)], 't', { clip: { x0: 0, y0: 0, x1: 1, y1: 1 }, episode: { x0: 0, y0: 0, x1: 1, y1: 1 } }));
    expect(svg.match(/<rect [^>]*fill="none"[^>]*\/>/g)).toHaveLength(2);
  });

  it('escapes text', () => {
    expect(escapeXml(`<a href="x">&'`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&#39;');
    const svg = overlaySvg(evidenceLayout([pair(10, 10)], '<script>'));
    expect(svg).toContain('&lt;script&gt;');
    expect(svg).not.toContain('<script>');
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="\d+" height="\d+">/);
  });
});
