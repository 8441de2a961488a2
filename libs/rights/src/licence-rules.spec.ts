import { covers, describeOverlap, exclusivityClash, LicenceScope, overlapOf } from './licence-rules';

const licence = (over: Partial<LicenceScope> = {}): LicenceScope => ({
  firstEpisode: null,
  lastEpisode: null,
  territories: ['CN', 'SG'],
  platforms: ['douyin'],
  startsOn: '2026-01-01',
  endsOn: '2026-12-31',
  ...over,
});
const use = { episodeNumber: 3, platform: 'douyin', territory: 'CN', on: '2026-06-01' };

describe('covers', () => {
  it('covers a use inside every dimension, dates inclusive', () => {
    expect(covers(licence(), use)).toBe(true);
    expect(covers(licence(), { ...use, on: '2026-01-01' })).toBe(true);
    expect(covers(licence(), { ...use, on: '2026-12-31' })).toBe(true);
  });

  it('refuses a use outside the dates, platforms, territories or episode range', () => {
    expect(covers(licence(), { ...use, on: '2027-01-01' })).toBe(false);
    expect(covers(licence(), { ...use, on: '2025-12-31' })).toBe(false);
    expect(covers(licence(), { ...use, platform: 'kuaishou' })).toBe(false);
    expect(covers(licence(), { ...use, territory: 'US' })).toBe(false);
    expect(covers(licence({ firstEpisode: 1, lastEpisode: 2 }), use)).toBe(false);
    expect(covers(licence({ firstEpisode: 3, lastEpisode: 3 }), use)).toBe(true);
  });

  it('treats * as everywhere or every platform, and ignores case', () => {
    expect(covers(licence({ territories: ['*'], platforms: ['*'] }), { ...use, platform: 'YouTube', territory: 'us' })).toBe(true);
    expect(covers(licence(), { ...use, platform: 'Douyin', territory: 'cn' })).toBe(true);
  });

  it('lets an unknown territory not restrict the answer', () => {
    expect(covers(licence(), { ...use, territory: null })).toBe(true);
  });
});

describe('overlapOf', () => {
  it('describes the shared scope', () => {
    const o = overlapOf(licence({ firstEpisode: 1, lastEpisode: 10 }), licence({ firstEpisode: 5, lastEpisode: 20, territories: ['SG', 'MY'], startsOn: '2026-06-01', endsOn: '2027-06-01' }));
    expect(o).toEqual({ episodes: 'episodes 5-10', territories: 'SG', platforms: 'douyin', from: '2026-06-01', to: '2026-12-31' });
    expect(describeOverlap(o!)).toBe('episodes 5-10, SG, douyin, from 2026-06-01 to 2026-12-31');
  });

  it('finds none when any dimension is disjoint', () => {
    expect(overlapOf(licence(), licence({ startsOn: '2027-01-01', endsOn: '2027-12-31' }))).toBeNull();
    expect(overlapOf(licence(), licence({ territories: ['US'] }))).toBeNull();
    expect(overlapOf(licence(), licence({ platforms: ['kuaishou'] }))).toBeNull();
    expect(overlapOf(licence({ firstEpisode: 1, lastEpisode: 4 }), licence({ firstEpisode: 5, lastEpisode: 9 }))).toBeNull();
  });

  it('reads whole works and * lists', () => {
    const o = overlapOf(licence({ territories: ['*'], platforms: ['*'] }), licence({ firstEpisode: 7, lastEpisode: 7 }));
    expect(o).toMatchObject({ episodes: 'episode 7', territories: 'CN, SG', platforms: 'douyin' });
    expect(overlapOf(licence({ territories: ['*'] }), licence({ territories: ['*'] }))?.territories).toBe('all territories');
    expect(overlapOf(licence(), licence())?.episodes).toBe('all episodes');
  });

  it('touching date ranges overlap on the shared day', () => {
    expect(overlapOf(licence({ endsOn: '2026-06-01' }), licence({ startsOn: '2026-06-01' }))).toMatchObject({ from: '2026-06-01', to: '2026-06-01' });
  });
});

describe('exclusivityClash', () => {
  const existing = [
    { ...licence({ territories: ['US'] }), exclusive: true, id: 'us-exclusive' },
    { ...licence({ territories: ['SG'] }), exclusive: false, id: 'sg-open' },
  ];

  it('refuses an exclusive licence over any existing licence', () => {
    expect(exclusivityClash({ ...licence({ territories: ['SG'] }), exclusive: true }, existing)?.licence.id).toBe('sg-open');
  });

  it('refuses any licence over an existing exclusive one', () => {
    expect(exclusivityClash({ ...licence({ territories: ['US'] }), exclusive: false }, existing)?.licence.id).toBe('us-exclusive');
  });

  it('lets non-exclusive licences overlap, and disjoint exclusive ones coexist', () => {
    expect(exclusivityClash({ ...licence({ territories: ['SG'] }), exclusive: false }, existing)).toBeNull();
    expect(exclusivityClash({ ...licence({ territories: ['JP'] }), exclusive: true }, existing)).toBeNull();
  });
});
