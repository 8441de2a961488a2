import { Injectable } from '@nestjs/common';
import type { AudioMatch } from '@dramaguard/audio';
import type { EpisodeMatch } from '@dramaguard/matcher';
import { DataSource, EntityManager, In } from 'typeorm';
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
    await this.write(this.db.manager, subjectType, subjectId, shard, answer);
    return this.count(subjectType, subjectId);
  }

  /**
   * A shard's answers on several subjects of one id, in one transaction: no
   * reader sees one without the others, nor clears one before the others are
   * written. Answers each subject's count of shards, counted once committed:
   * counted inside, two shards answering at once would each miss the other's.
   */
  async recordTogether(subjectId: string, shard: number, answers: readonly (readonly [ShardSubject, ShardAnswer])[]): Promise<number[]> {
    await this.db.transaction(async (em) => {
      for (const [subjectType, answer] of answers) await this.write(em, subjectType, subjectId, shard, answer);
    });
    return Promise.all(answers.map(([subjectType]) => this.count(subjectType, subjectId)));
  }

  private async write(em: EntityManager, subjectType: ShardSubject, subjectId: string, shard: number, answer: ShardAnswer): Promise<void> {
    const none = { indexSeq: null, matches: null, audio: null, geometry: null, plan: null, failure: null };
    const values =
      'failure' in answer
        ? { ...none, failure: answer.failure }
        : 'geometry' in answer
          ? { ...none, geometry: [...answer.geometry] }
          : 'plan' in answer
            ? { ...none, plan: [...answer.plan] }
            : { ...none, indexSeq: answer.indexSeq, matches: answer.matches, audio: answer.audio ?? null };
    await em.getRepository(ShardAnswerEntity).upsert({ subjectType, subjectId, shard, ...values, answeredAt: new Date() }, ['subjectType', 'subjectId', 'shard']);
  }

  private count(subjectType: ShardSubject, subjectId: string): Promise<number> {
    return this.db.getRepository(ShardAnswerEntity).countBy({ subjectType, subjectId });
  }

  /** Forgets a subject's answers, of one type or several, in one statement: merged, or about to be asked again. */
  async clear(subjectTypes: ShardSubject | readonly ShardSubject[], subjectId: string, em: EntityManager = this.db.manager): Promise<void> {
    await em.delete(ShardAnswerEntity, { subjectType: In([subjectTypes].flat()), subjectId });
  }

  /** A subject's answers, of one type or several, by shard. */
  of(subjectTypes: ShardSubject | readonly ShardSubject[], subjectId: string, em: EntityManager = this.db.manager): Promise<ShardAnswerEntity[]> {
    return em.find(ShardAnswerEntity, { where: { subjectType: In([subjectTypes].flat()), subjectId }, order: { shard: 'ASC' } });
  }
}
