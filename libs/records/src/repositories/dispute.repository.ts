import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { DisputeChannel, DisputeEntity, DisputeStatus } from '../entities';

export interface NewDispute {
  readonly caseId: string;
  readonly channel: DisputeChannel;
  readonly disputantId: string | null;
  readonly reason: string;
  readonly openedAt: Date;
  readonly answerDueAt: Date;
}

export interface DisputeFilter {
  readonly status?: DisputeStatus;
  /** The rights holder owning the disputed case's work. */
  readonly ownerId?: string;
}

export type DisputeChange = Partial<
  Pick<DisputeEntity, 'status' | 'answeredAt' | 'answerReason' | 'appealedAt' | 'appealReason' | 'appealDecidedAt' | 'appealDecisionReason'>
>;

@Injectable()
export class DisputeRepository {
  constructor(private readonly db: DataSource) {}

  insert(em: EntityManager, d: NewDispute): Promise<DisputeEntity> {
    return em.save(em.create(DisputeEntity, { ...d, status: 'open' }));
  }

  forCase(caseId: string, em?: EntityManager): Promise<DisputeEntity | null> {
    return (em ?? this.db.manager).findOneBy(DisputeEntity, { caseId });
  }

  /** The dispute row locked until the transaction ends; the case's lock is taken first, so the two are always taken in that order. */
  lock(em: EntityManager, id: string): Promise<DisputeEntity | null> {
    return em.findOne(DisputeEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  findDetailed(id: string): Promise<DisputeEntity | null> {
    return this.db.getRepository(DisputeEntity).findOne({ where: { id }, relations: { reviewCase: { work: true } } });
  }

  async update(em: EntityManager, id: string, change: DisputeChange): Promise<void> {
    await em.update(DisputeEntity, { id }, change);
  }

  /** Soonest deadline first: the queue of what needs an answer. */
  page(filter: DisputeFilter, offset: number, limit: number): Promise<[DisputeEntity[], number]> {
    const q = this.db
      .getRepository(DisputeEntity)
      .createQueryBuilder('d')
      .innerJoinAndSelect('d.reviewCase', 'c')
      .innerJoinAndSelect('c.work', 'w')
      .orderBy('d.answer_due_at', 'ASC')
      .addOrderBy('d.id', 'ASC')
      .skip(offset)
      .take(limit);
    if (filter.status) q.andWhere('d.status = :status', { status: filter.status });
    if (filter.ownerId) q.andWhere('w.owner_id = :ownerId', { ownerId: filter.ownerId });
    return q.getManyAndCount();
  }

  /** Disputes still waiting for the holder's answer, with their deadlines: what the deadline jobs must cover. */
  async awaitingAnswer(): Promise<{ id: string; answerDueAt: Date }[]> {
    return this.db.getRepository(DisputeEntity).find({ select: { id: true, answerDueAt: true }, where: { status: 'open' } });
  }
}
