import { textTable } from './text-table';

describe('textTable', () => {
  it('pads columns to their widest cell, CJK characters counting double', () => {
    expect(textTable(['file', 'episode', 'result'], [['第1集.mp4', '1', 'registered'], ['ep-12.mp4', '12', 'failed: not a video']])).toBe(
      ['file       episode  result', '---------  -------  -------------------', '第1集.mp4  1        registered', 'ep-12.mp4  12       failed: not a video'].join('\n'),
    );
  });
});
