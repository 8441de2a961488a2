import { DomainError } from '@dramaguard/records';
import { DEFAULT_POLICY, normalisedPolicy, policyInForce, PolicyRule, takesDown } from './policy-rules';

const rule = (id: string, territory: string, platform: string, action: PolicyRule['action'], takedownMinScore: number | null = null): PolicyRule => ({ id, territory, platform, action, takedownMinScore });

describe('policyInForce', () => {
  const policies = [rule('any', '*', '*', 'track'), rule('douyin', '*', 'douyin', 'takedown', 0.8), rule('sg', 'SG', '*', 'review'), rule('sg-douyin', 'SG', 'douyin', 'takedown', 0.9)];

  it('answers review with no policy id when the work has no policy that applies', () => {
    expect(policyInForce([], { territory: 'SG', platform: 'douyin' })).toEqual(DEFAULT_POLICY);
    expect(policyInForce([rule('my', 'MY', '*', 'track')], { territory: 'SG', platform: 'douyin' })).toEqual(DEFAULT_POLICY);
  });

  it('takes the most specific policy: territory and platform, then territory, then platform, then any', () => {
    expect(policyInForce(policies, { territory: 'sg', platform: 'Douyin' }).policyId).toBe('sg-douyin');
    expect(policyInForce(policies, { territory: 'SG', platform: 'kuaishou' }).policyId).toBe('sg');
    expect(policyInForce(policies, { territory: 'MY', platform: 'douyin' })).toEqual({ policyId: 'douyin', action: 'takedown', territory: '*', platform: 'douyin', takedownMinScore: 0.8 });
    expect(policyInForce(policies, { territory: 'MY', platform: 'kuaishou' }).policyId).toBe('any');
  });

  it('applies only policies for any territory or platform when the clip does not say where it was found', () => {
    expect(policyInForce(policies, { territory: null, platform: null }).policyId).toBe('any');
    expect(policyInForce(policies, { territory: null, platform: 'douyin' }).policyId).toBe('douyin');
  });
});

describe('takesDown', () => {
  it('takes down from the threshold up under a takedown policy only', () => {
    const takedown = { ...DEFAULT_POLICY, policyId: 'p', action: 'takedown' as const, takedownMinScore: 0.8 };
    expect(takesDown(takedown, 0.8)).toBe(true);
    expect(takesDown(takedown, 0.79)).toBe(false);
    expect(takesDown(DEFAULT_POLICY, 1)).toBe(false);
    expect(takesDown(null, 1)).toBe(false);
  });
});

describe('normalisedPolicy', () => {
  it('defaults to any territory and platform and normalises their case', () => {
    expect(normalisedPolicy({ action: 'track' })).toEqual({ territory: '*', platform: '*', action: 'track', takedownMinScore: null });
    expect(normalisedPolicy({ action: 'takedown', territory: 'sg', platform: 'Douyin', takedownMinScore: 0.9 })).toEqual({ territory: 'SG', platform: 'douyin', action: 'takedown', takedownMinScore: 0.9 });
  });

  it.each([
    [{ action: 'delete' }, /action must be one of track, review, takedown/],
    [{ action: 'track', territory: 'Singapore' }, /territory must be an ISO 3166-1 alpha-2 code/],
    [{ action: 'track', platform: 'a b' }, /platform must be a platform name/],
    [{ action: 'takedown' }, /needs takedownMinScore in \(0, 1\]/],
    [{ action: 'takedown', takedownMinScore: 1.5 }, /needs takedownMinScore in \(0, 1\]/],
    [{ action: 'review', takedownMinScore: 0.5 }, /applies to takedown policies only/],
  ])('refuses %j', (input, message) => {
    expect(() => normalisedPolicy(input)).toThrow(message);
    expect(() => normalisedPolicy(input)).toThrow(DomainError);
  });
});
