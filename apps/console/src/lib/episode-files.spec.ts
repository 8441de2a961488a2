import { episodeNumberFromName, titleFromName } from './episode-files';

describe('episodeNumberFromName', () => {
  it('reads the marked episode number before any other number', () => {
    expect(episodeNumberFromName('秘密新娘 第12集.mp4')).toBe(12);
    expect(episodeNumberFromName('bride-2026-EP03.mp4')).toBe(3);
    expect(episodeNumberFromName('bride 2026 episode_7.mov')).toBe(7);
    expect(episodeNumberFromName('S01E05.mp4')).toBe(5);
  });

  it('falls back to the last number, and gives null without one', () => {
    expect(episodeNumberFromName('secret-bride-012.mp4')).toBe(12);
    expect(episodeNumberFromName('trailer.mp4')).toBeNull();
    expect(episodeNumberFromName('take-0.mp4')).toBeNull();
  });
});

describe('titleFromName', () => {
  it('drops the extension', () => {
    expect(titleFromName('第1集 契约.mp4')).toBe('第1集 契约');
    expect(titleFromName('.mp4')).toBe('.mp4');
  });
});
