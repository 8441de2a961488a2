import { planEpisodes } from './episode-files';

describe('planEpisodes', () => {
  it('numbers episodes by the last number in the name, in episode order', () => {
    const plan = planEpisodes(['秘密新娘 第12集.mp4', 'ep-003.MOV', 'S01E07.mkv', 'notes.txt', '.DS_Store', 'poster.jpg']);
    expect(plan.episodes).toEqual([
      { fileName: 'ep-003.MOV', episodeNumber: 3 },
      { fileName: 'S01E07.mkv', episodeNumber: 7 },
      { fileName: '秘密新娘 第12集.mp4', episodeNumber: 12 },
    ]);
    expect(plan.refused).toEqual([]);
  });

  it('takes the first group of a pattern of the caller', () => {
    const plan = planEpisodes(['2026 bride part 4 (1080p).mp4', '2026 bride part 5 (720p).mp4'], 'part (\\d+)');
    expect(plan.episodes.map((e) => e.episodeNumber)).toEqual([4, 5]);
  });

  it('refuses names without a number and numbers claimed twice, never guessing', () => {
    const plan = planEpisodes(['trailer.mp4', 'ep1.mp4', 'ep01.mov', 'ep0.mp4', 'ep2.mp4']);
    expect(plan.episodes).toEqual([{ fileName: 'ep2.mp4', episodeNumber: 2 }]);
    expect(plan.refused).toEqual([
      { fileName: 'ep0.mp4', reason: 'no episode number in the name (pattern (\\d+)(?!.*\\d))' },
      { fileName: 'trailer.mp4', reason: 'no episode number in the name (pattern (\\d+)(?!.*\\d))' },
      { fileName: 'ep01.mov', reason: 'episode 1 is claimed by 2 files' },
      { fileName: 'ep1.mp4', reason: 'episode 1 is claimed by 2 files' },
    ]);
  });
});
