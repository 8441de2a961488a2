import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AppliedPolicy, CaseNoteEntity, CaseStatus, ReviewCaseEntity } from '../entities';

export interface NewCase {
  readonly clipId: string;
  readonly matchId: string;
  readonly registrationId: string;
  readonly workId: string;
  readonly score: number;
  readonly policy: AppliedPolicy | null;
  /** A takedown policy's case is confirmed as it opens; every other case opens `open`. */
  readonly confirmed: { readonly at: Date; readonly reason: string } | null;
}

export interface CaseFilter {
  readonly status?: CaseStatus;
  readonly workId?: string;
  /** The rights holder owning the case's work. */
  readonly ownerId?: string;
}

@Injectable()
export class CaseRepository {
  constructor(private readonly db: DataSource) {}

  /** The cases, saved in one statement, in the given order. */
  insert(em: EntityManager, cases: readonly NewCase[]): Promise<ReviewCaseEntity[]> {
    return em.save(
      cases.map(({ confirmed, ...fields }) => {
        const decision = confirmed ? { status: 'confirmed' as const, decidedAt: confirmed.at, decisionReason: confirmed.reason } : { status: 'open' as const, decidedAt: null, decisionReason: null };
        return em.create(ReviewCaseEntity, { ...fields, ...decision, assigneeId: null });
      }),
    );
  }

  /** The case row locked until the transaction ends: state changes on one case happen one at a time. */
  lock(em: EntityManager, id: string): Promise<ReviewCaseEntity | null> {
    return em.findOne(ReviewCaseEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async update(em: EntityManager, id: string, change: Partial<Pick<ReviewCaseEntity, 'status' | 'assigneeId' | 'decidedAt' | 'decisionReason'>>): Promise<void> {
    await em.update(ReviewCaseEntity, { id }, change);
  }

  insertNote(em: EntityManager, note: { caseId: string; authorId: string; text: string }): Promise<CaseNoteEntity> {
    return em.save(em.create(CaseNoteEntity, note));
  }

  /** Everything a case page shows: clip, episode, work, matched segments and notes. */
  findDetailed(id: string): Promise<ReviewCaseEntity | null> {
    return this.db.getRepository(ReviewCaseEntity).findOne({
      where: { id },
      relations: { clip: true, work: true, registration: { episode: true }, match: { segments: true }, notes: true },
      order: { match: { segments: { clipStart: 'ASC' } }, notes: { createdAt: 'ASC' } },
    });
  }

  /** Oldest first, so the queue is worked in order. */
  page(filter: CaseFilter, offset: number, limit: number): Promise<[ReviewCaseEntity[], number]> {
    const q = this.db
      .getRepository(ReviewCaseEntity)
      .createQueryBuilder('c')
      .innerJoinAndSelect('c.work', 'w')
      .innerJoinAndSelect('c.registration', 'r')
      .innerJoinAndSelect('r.episode', 'e')
      .orderBy('c.opened_at', 'ASC')
      .addOrderBy('c.id', 'ASC')
      .skip(offset)
      .take(limit);
    if (filter.status) q.andWhere('c.status = :status', { status: filter.status });
    if (filter.workId) q.andWhere('c.work_id = :workId', { workId: filter.workId });
    if (filter.ownerId) q.andWhere('w.owner_id = :ownerId', { ownerId: filter.ownerId });
    return q.getManyAndCount();
  }

  forClip(clipId: string): Promise<ReviewCaseEntity[]> {
    return this.db.getRepository(ReviewCaseEntity).find({ where: { clipId } });
  }
}
