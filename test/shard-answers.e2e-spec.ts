import { dataSourceOptions, ShardAnswer, ShardAnswerRepository, ShardSubject } from '@dramaguard/records';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { testDatabase } from './support/test-config';
import { freshDatabase } from './support/test-database';

/** The shards' answers as PostgreSQL keeps them: written and read in plain SQL, every column as the entity types it. */
describe('ShardAnswerRepository', () => {
  const db = testDatabase('dramaguard_test_shard_answers');
  let ds: DataSource;
  let answers: ShardAnswerRepository;

  beforeAll(async () => {
    await freshDatabase(db);
    ds = await new DataSource(dataSourceOptions(db)).initialize();
    answers = new ShardAnswerRepository(ds);
  });

  afterAll(() => ds?.destroy());

  const segment = { clipStart: 0, clipEnd: 20, refStart: 10, refEnd: 30, speed: 1, matchedFrames: 150, score: 0.9 };
  const match = { episode: randomUUID(), score: 0.9, mirrored: false, region: { x0: 0, y0: 0, x1: 1, y1: 1 }, segments: [segment] };
  const carried = { episode: match.episode, group: randomUUID(), first: 55, data: 'REdGMg==' };

  it('keeps one answer per shard and subject, replaced when the shard answers again, and counts the shards that answered', async () => {
    const clip = randomUUID();
    const record = async (subject: ShardSubject, shard: number, answer: ShardAnswer) => (await answers.recordTogether(clip, [[subject, shard, answer]])).get(subject);
    expect(await record('geometry', 1, { geometry: [{ first: 0, votes: [{ tag: 3, support: 7 }] }] })).toBe(1);
    expect(await record('clip', 0, { failure: 'shard 0 gave up' })).toBe(1);
    expect(await record('clip', 0, { indexSeq: '9007199254740993', matches: [match], audio: null, registered: [carried] })).toBe(1);
    expect(await record('clip', 1, { indexSeq: '4', matches: [] })).toBe(2);

    const read = await answers.of(['clip', 'geometry'], clip);
    expect(read.map((a) => [a.subjectType, a.shard])).toEqual(expect.arrayContaining([['clip', 0], ['clip', 1], ['geometry', 1]]));
    expect(read.map((a) => a.shard)).toEqual([0, 1, 1]);
    const zero = read.find((a) => a.subjectType === 'clip' && a.shard === 0)!;
    // The answer replaced the failure whole, and the seq keeps every digit.
    expect(zero).toMatchObject({ subjectId: clip, indexSeq: '9007199254740993', matches: [match], registered: [carried], audio: null, failure: null, geometry: null, plan: null });
    expect(zero.answeredAt).toBeInstanceOf(Date);
    expect(read.find((a) => a.subjectType === 'geometry')?.geometry).toEqual([{ first: 0, votes: [{ tag: 3, support: 7 }] }]);
  });

  it('writes answers on several subjects and shards together, counts each, and forgets them by subject', async () => {
    const clip = randomUUID();
    const plan = [{ first: 0, lines: [] }];
    expect(await answers.recordTogether(clip, [['clip', 2, { indexSeq: '7', matches: [] }], ['plan', 2, { plan, indexSeq: '6' }]])).toEqual(new Map([['clip', 1], ['plan', 1]]));
    const twoShards = await answers.recordTogether(clip, [['clip', 3, { indexSeq: '7', matches: [] }], ['clip', 4, { indexSeq: '7', matches: [] }], ['plan', 3, { plan: [], indexSeq: '7' }]]);
    expect(twoShards).toEqual(new Map([['clip', 3], ['plan', 2]]));
    expect((await answers.of('plan', clip)).map((a) => [a.plan, a.indexSeq, a.matches])).toEqual([[plan, '6', null], [[], '7', null]]);
    await answers.clear('plan', clip);
    expect((await answers.of(['clip', 'plan'], clip)).map((a) => [a.subjectType, a.shard])).toEqual([['clip', 2], ['clip', 3], ['clip', 4]]);
    await answers.clear(['clip', 'plan'], clip);
    expect(await answers.of(['clip', 'plan'], clip)).toEqual([]);
  });
});
