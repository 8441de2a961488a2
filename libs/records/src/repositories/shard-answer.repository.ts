import { Injectable } from '@nestjs/common';
import type { AudioMatch } from '@dramaguard/audio';
import type { EpisodeMatch } from '@dramaguard/matcher';
import { DataSource, EntityManager } from 'typeorm';
import { ShardAnswerEntity, ShardSubject, WindowGeometry, WindowPlan } from '../entities';

export type ShardAnswer =
  | { readonly indexSeq: string; readonly matches: EpisodeMatch[]; readonly audio?: AudioMatch[] | null }
  | { readonly geometry: readonly WindowGeometry[] }
  | { readonly plan: readonly WindowPlan[] }
  | { readonly failure: string };

@Injectable()
export class ShardAnswerRepository {
  constructor(private readonly db: DataSource) {}

  /** Records (or replaces) a shard's answer; answers how many shards have answered for the subject since. */
  async record(subjectType: ShardSubject, subjectId: string, shard: number, answer: ShardAnswer): Promise<number> {
    const none = { indexSeq: null, matches: null, audio: null, geometry: null, plan: null, failure: null };
    const values =
      'failure' in answer
        ? { ...none, failure: answer.failure }
        : 'geometry' in answer
          ? { ...none, geometry: [...answer.geometry] }
          : 'plan' in answer
            ? { ...none, plan: [...answer.plan] }
            : { ...none, indexSeq: answer.indexSeq, matches: answer.matches, audio: answer.audio ?? null };
    const repo = this.db.getRepository(ShardAnswerEntity);
    await repo.upsert({ subjectType, subjectId, shard, ...values, answeredAt: new Date() }, ['subjectType', 'subjectId', 'shard']);
    return repo.countBy({ subjectType, subjectId });
  }

  /** Forgets a subject's answers: merged, or about to be asked again. */
  async clear(subjectType: ShardSubject, subjectId: string, em: EntityManager = this.db.manager): Promise<void> {
    await em.delete(ShardAnswerEntity, { subjectType, subjectId });
  }

  of(subjectType: ShardSubject, subjectId: string, em: EntityManager = this.db.manager): Promise<ShardAnswerEntity[]> {
    return em.find(ShardAnswerEntity, { where: { subjectType, subjectId }, order: { shard: 'ASC' } });
  }
}
