import { answersEveryShard, coverText, coveredAnswer, coveredAnswers, coveredRows, shardsAnsweredBy } from './shard-cover';

describe('shardsAnsweredBy', () => {
  it('lets the lowest shard a worker serves answer for all of them, and the others for none', () => {
    expect(shardsAnsweredBy(1, [1, 3])).toEqual([1, 3]);
    expect(shardsAnsweredBy(3, [1, 3])).toEqual([]);
    expect(shardsAnsweredBy(0, [0])).toEqual([0]);
  });

  it('answers for the shard alone when the worker does not serve it', () => {
    expect(shardsAnsweredBy(2, [0, 1])).toEqual([2]);
  });
});

describe('coveredAnswer', () => {
  it('keeps a failure, and answers the other kinds with nothing found', () => {
    expect(coveredAnswer({ failure: 'index not loaded' })).toEqual({ failure: 'index not loaded' });
    expect(coveredAnswer({ geometry: [{ first: 0, votes: [{ tag: 3, support: 7 }] }] })).toEqual({ geometry: [] });
    expect(coveredAnswer({ plan: [{ first: 0, lines: [] }], indexSeq: '9' })).toEqual({ plan: [], indexSeq: '9' });
  });

  it('answers a match with no episode and no soundtrack heard, keeping whether the clip had one', () => {
    const match = { episode: 'e', score: 1 } as never;
    expect(coveredAnswer({ indexSeq: '4', matches: [match], audio: [{ episode: 'e' } as never] })).toEqual({ indexSeq: '4', matches: [], audio: [] });
    expect(coveredAnswer({ indexSeq: '4', matches: [match], audio: null })).toEqual({ indexSeq: '4', matches: [], audio: null });
  });
});

describe('coveredRows', () => {
  it('records the answer as the first shard\'s and the covered answer as each other\'s', () => {
    const answer = { geometry: [{ first: 0, votes: [{ tag: 3, support: 7 }] }] };
    expect(coveredRows('geometry', [1, 3], answer)).toEqual([
      ['geometry', 1, answer],
      ['geometry', 3, { geometry: [] }],
    ]);
  });

  it('records one row for a shard answering for itself alone', () => {
    expect(coveredRows('clip', [2], { failure: 'x' })).toEqual([['clip', 2, { failure: 'x' }]]);
  });
});

describe('coveredAnswers', () => {
  const at = new Date('2026-12-07T12:00:00Z');
  const match = { episode: 'e', score: 1 } as never;
  const registered = [{ episode: 'e', group: 'w', first: 3, data: 'AAAA' }];

  it('gives every shard answered for the row the merge would read once recorded: the matches in the first, none in the others', () => {
    const rows = coveredAnswers('clip-1', [0, 1], { indexSeq: '12', matches: [match], audio: [{ episode: 'e' } as never], registered }, at);
    expect(rows).toEqual([
      { subjectType: 'clip', subjectId: 'clip-1', shard: 0, indexSeq: '12', matches: [match], audio: [{ episode: 'e' }], registered, geometry: null, plan: null, failure: null, answeredAt: at },
      { subjectType: 'clip', subjectId: 'clip-1', shard: 1, indexSeq: '12', matches: [], audio: [], registered: null, geometry: null, plan: null, failure: null, answeredAt: at },
    ]);
  });

  it('stores what a recorded answer holds for a soundtrack not heard and stretches not carried: null', () => {
    const [row] = coveredAnswers('clip-1', [0], { indexSeq: '12', matches: [] }, at);
    expect(row).toMatchObject({ audio: null, registered: null, failure: null });
  });
});

describe('coverText', () => {
  it('names the shards answered for only when there are several', () => {
    expect(coverText([0, 1])).toBe(' (answering for shards 0, 1)');
    expect(coverText([0])).toBe('');
  });
});

describe('answersEveryShard', () => {
  it('holds when the shards answered for are every shard of the clip', () => {
    expect(answersEveryShard([0, 1, 2, 3], 4)).toBe(true);
    expect(answersEveryShard([0], 1)).toBe(true);
  });

  it('does not when one of the clip\'s shards is served elsewhere', () => {
    expect(answersEveryShard([0, 1], 4)).toBe(false);
    expect(answersEveryShard([2, 3], 4)).toBe(false);
    expect(answersEveryShard([1, 2], 2)).toBe(false);
  });
});
