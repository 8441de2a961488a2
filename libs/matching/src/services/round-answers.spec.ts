import { ShardAnswerEntity } from '@dramaguard/records';
import { answered, proposalsByWindow, proposedAt } from './round-answers';

function answer(subjectType: 'clip' | 'plan' | 'geometry', shard: number, fields: Partial<ShardAnswerEntity> = {}): ShardAnswerEntity {
  return { subjectType, subjectId: 'clip', shard, indexSeq: null, matches: null, audio: null, registered: null, geometry: null, plan: null, failure: null, answeredAt: new Date(0), ...fields } as ShardAnswerEntity;
}

describe('round answers', () => {
  const line = (episode: string) => ({ episode, view: 0, support: 3, speed: 1, offset: 0, clipStart: 0, clipEnd: 8 }) as never;
  const answers = [
    answer('clip', 0, { indexSeq: '4' }),
    answer('plan', 0, { indexSeq: '5', plan: [{ first: 0, lines: [line('a')] }] }),
    answer('plan', 1, { indexSeq: '6', plan: [{ first: 0, lines: [line('b')] }, { first: 200, lines: [line('c')] }] }),
    answer('geometry', 1, { geometry: [{ first: 0, votes: [] }] }),
  ];

  it("reads this shard's proposing seq from its own plan answer only, and none without one", () => {
    expect(proposedAt(answers, 0)).toBe('5');
    expect(proposedAt(answers, 1)).toBe('6');
    expect(proposedAt(answers, 2)).toBeNull();
    expect(proposedAt([answer('plan', 0, { plan: [] })], 0)).toBeNull();
  });

  it('gathers every shard’s proposed lines by window from the plan answers only, and knows who answered', () => {
    expect(proposalsByWindow(answers)).toEqual(new Map([[0, [line('a'), line('b')]], [200, [line('c')]]]));
    expect(answered(answers, 0)).toBe(true);
    expect(answered(answers, 1)).toBe(false);
  });
});
