import { ANY, AppliedPolicy, DomainError, POLICY_ACTIONS, PolicyAction } from '@dramaguard/records';

/** A policy as set: where it applies, what it does. */
export interface PolicyRule {
  readonly id: string;
  readonly territory: string;
  readonly platform: string;
  readonly action: PolicyAction;
  readonly takedownMinScore: number | null;
}

/** Where a clip was found; unknown fields match only policies for `*`. */
export interface UsePlace {
  readonly territory: string | null;
  readonly platform: string | null;
}

export interface PolicyInput {
  readonly territory?: string;
  readonly platform?: string;
  readonly action: string;
  readonly takedownMinScore?: number | null;
}

/** What a work without a matching policy does: every match is reviewed, as before policies existed. */
export const DEFAULT_POLICY: AppliedPolicy = { policyId: null, action: 'review', territory: ANY, platform: ANY, takedownMinScore: null };

/**
 * The policy in force for a use: of the work's policies that apply (their
 * territory and platform are the use's or `*`), the most specific; a policy
 * naming the territory outranks one naming only the platform, since where a
 * copy is seen decides which law the notice invokes.
 */
export function policyInForce(policies: readonly PolicyRule[], place: UsePlace): AppliedPolicy {
  const platform = place.platform?.toLowerCase() ?? null;
  const territory = place.territory?.toUpperCase() ?? null;
  const rank = (p: PolicyRule): number => (p.territory !== ANY ? 2 : 0) + (p.platform !== ANY ? 1 : 0);
  const applying = policies.filter((p) => (p.territory === ANY || p.territory === territory) && (p.platform === ANY || p.platform === platform));
  const best = applying.sort((a, b) => rank(b) - rank(a))[0];
  return best ? { policyId: best.id, action: best.action, territory: best.territory, platform: best.platform, takedownMinScore: best.takedownMinScore } : DEFAULT_POLICY;
}

/** Whether a match with this score is taken down at once: only under a takedown policy, from its threshold up. */
export function takesDown(policy: AppliedPolicy | null, score: number): boolean {
  return policy?.action === 'takedown' && policy.takedownMinScore !== null && score >= policy.takedownMinScore;
}

/** A policy as stored: territory upper-case, platform lower-case, `*` by default; a threshold in (0, 1] for takedown and none otherwise. */
export function normalisedPolicy(input: PolicyInput): Omit<PolicyRule, 'id'> {
  const territory = (input.territory ?? ANY).trim().toUpperCase();
  const platform = (input.platform ?? ANY).trim().toLowerCase();
  if (!(POLICY_ACTIONS as readonly string[]).includes(input.action)) throw invalid(`action must be one of ${POLICY_ACTIONS.join(', ')}, got "${input.action}"`);
  if (territory !== ANY && !/^[A-Z]{2}$/.test(territory)) throw invalid(`territory must be an ISO 3166-1 alpha-2 code or "*", got "${input.territory}"`);
  if (platform !== ANY && !/^[a-z0-9][a-z0-9._-]{0,63}$/.test(platform)) throw invalid(`platform must be a platform name or "*", got "${input.platform}"`);
  const action = input.action as PolicyAction;
  const score = input.takedownMinScore ?? null;
  if (action === 'takedown' && (score === null || !(score > 0 && score <= 1))) throw invalid('a takedown policy needs takedownMinScore in (0, 1]: below it, matches are reviewed');
  if (action !== 'takedown' && score !== null) throw invalid(`takedownMinScore applies to takedown policies only, not to ${action}`);
  return { territory, platform, action, takedownMinScore: score };
}

function invalid(message: string): DomainError {
  return new DomainError('invalid_policy', message);
}
