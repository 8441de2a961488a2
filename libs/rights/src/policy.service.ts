import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditRepository, DomainError, PolicyEntity, PolicyRepository, WorkEntity, WorkRepository } from '@dramaguard/records';
import { Caller } from './auth/caller';
import { canChangeWork, canSeeWork } from './auth/work-access';
import { normalisedPolicy, PolicyInput } from './policy-rules';

/** A work's match policies: set and removed by its owner (or an admin), each change audited on the work. */
@Injectable()
export class PolicyService {
  constructor(
    private readonly db: DataSource,
    private readonly works: WorkRepository,
    private readonly policies: PolicyRepository,
    private readonly audit: AuditRepository,
  ) {}

  async list(caller: Caller, workId: string): Promise<PolicyEntity[]> {
    await this.visibleWork(caller, workId);
    return this.policies.forWork(workId);
  }

  /** Sets the policy for the input's territory and platform, replacing the one there was. */
  async set(caller: Caller, workId: string, input: PolicyInput): Promise<PolicyEntity> {
    await this.changeableWork(caller, workId);
    const fields = normalisedPolicy(input);
    return this.db.transaction(async (em) => {
      const { saved, before } = await this.policies.upsert(em, { workId, ...fields });
      await this.audit.append(em, { actorId: caller.id, action: 'policy.set', subjectType: 'work', subjectId: workId, before: before ? policyState(before) : null, after: policyState(saved) });
      return saved;
    });
  }

  async remove(caller: Caller, workId: string, policyId: string): Promise<PolicyEntity> {
    await this.changeableWork(caller, workId);
    const policy = await this.policies.findOne(workId, policyId);
    if (!policy) throw new DomainError('policy_not_found', `work ${workId} has no policy ${policyId}`);
    await this.db.transaction(async (em) => {
      await this.policies.remove(em, policyId);
      await this.audit.append(em, { actorId: caller.id, action: 'policy.removed', subjectType: 'work', subjectId: workId, before: policyState(policy), after: null });
    });
    return policy;
  }

  private async visibleWork(caller: Caller, workId: string): Promise<WorkEntity> {
    const work = await this.works.findById(workId);
    if (!work || !canSeeWork(caller, work)) throw new DomainError('work_not_found', `no work with id ${workId}`);
    return work;
  }

  private async changeableWork(caller: Caller, workId: string): Promise<WorkEntity> {
    const work = await this.visibleWork(caller, workId);
    if (!canChangeWork(caller, work)) throw new DomainError('forbidden', 'only the work’s rights holder or an admin sets its policies');
    return work;
  }
}

function policyState(p: PolicyEntity): Record<string, unknown> {
  return { policyId: p.id, territory: p.territory, platform: p.platform, action: p.action, takedownMinScore: p.takedownMinScore };
}
