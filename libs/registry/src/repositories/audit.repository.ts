import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, FindOptionsWhere } from 'typeorm';
import { AuditEntryEntity } from '../entities';

export interface NewAuditEntry {
  /** Null when the service itself acted (a worker opening a case, the bootstrap admin). */
  readonly actorId: string | null;
  readonly action: string;
  readonly subjectType: string;
  readonly subjectId: string;
  readonly before: Record<string, unknown> | null;
  readonly after: Record<string, unknown> | null;
}

export interface AuditFilter {
  readonly subjectType?: string;
  readonly subjectId?: string;
  readonly actorId?: string;
}

/** Insert and read only: the table refuses anything else (see the accounts migration). */
@Injectable()
export class AuditRepository {
  constructor(private readonly db: DataSource) {}

  async append(em: EntityManager, entry: NewAuditEntry): Promise<void> {
    await em.save(em.create(AuditEntryEntity, entry));
  }

  /** Oldest first, so a subject's history reads in order. */
  page(filter: AuditFilter, offset: number, limit: number): Promise<[AuditEntryEntity[], number]> {
    const where: FindOptionsWhere<AuditEntryEntity> = {};
    if (filter.subjectType) where.subjectType = filter.subjectType;
    if (filter.subjectId) where.subjectId = filter.subjectId;
    if (filter.actorId) where.actorId = filter.actorId;
    return this.db.getRepository(AuditEntryEntity).findAndCount({ where, order: { id: 'ASC' }, skip: offset, take: limit });
  }

  forSubject(subjectType: string, subjectId: string): Promise<AuditEntryEntity[]> {
    return this.db.getRepository(AuditEntryEntity).find({ where: { subjectType, subjectId }, order: { id: 'ASC' } });
  }
}
