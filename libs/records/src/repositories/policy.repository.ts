import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { PolicyAction, PolicyEntity } from '../entities';

export interface PolicyFields {
  readonly workId: string;
  readonly territory: string;
  readonly platform: string;
  readonly action: PolicyAction;
  readonly takedownMinScore: number | null;
}

@Injectable()
export class PolicyRepository {
  constructor(private readonly db: DataSource) {}

  /** A work has at most one policy per territory and platform: setting one again replaces it. */
  async upsert(em: EntityManager, p: PolicyFields): Promise<{ saved: PolicyEntity; before: PolicyEntity | null }> {
    const before = await em.findOne(PolicyEntity, { where: { workId: p.workId, territory: p.territory, platform: p.platform }, lock: { mode: 'pessimistic_write' } });
    if (before) {
      await em.update(PolicyEntity, { id: before.id }, { action: p.action, takedownMinScore: p.takedownMinScore });
      return { saved: (await em.findOneBy(PolicyEntity, { id: before.id }))!, before };
    }
    return { saved: await em.save(em.create(PolicyEntity, p)), before: null };
  }

  forWork(workId: string, em?: EntityManager): Promise<PolicyEntity[]> {
    return this.forWorks([workId], em).then((policies) => policies.get(workId)!);
  }

  /** Each work's policies, by territory then platform, read in one query. */
  async forWorks(workIds: readonly string[], em: EntityManager = this.db.manager): Promise<Map<string, PolicyEntity[]>> {
    const out = new Map<string, PolicyEntity[]>(workIds.map((id) => [id, []]));
    if (!workIds.length) return out;
    const rows = await em.find(PolicyEntity, { where: { workId: In([...workIds]) }, order: { territory: 'ASC', platform: 'ASC' } });
    for (const row of rows) out.get(row.workId)?.push(row);
    return out;
  }

  findOne(workId: string, id: string): Promise<PolicyEntity | null> {
    return this.db.getRepository(PolicyEntity).findOneBy({ workId, id });
  }

  async remove(em: EntityManager, id: string): Promise<void> {
    await em.delete(PolicyEntity, { id });
  }
}
