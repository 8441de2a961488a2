import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, FindOptionsWhere, MoreThan } from 'typeorm';
import { AuditEntryEntity } from '../entities';
import { auditHash, CHAIN_START, ChainedFields } from '../audit-chain';

/** Any constant shared by every writer of the audit log. */
const AUDIT_CHAIN_LOCK = 0x44474155;

/** What a change records; `at` is set when it is appended (see `append`). Null actor: the service itself acted. */
export type NewAuditEntry = Omit<ChainedFields, 'at'>;

export interface AuditFilter {
  readonly subjectType?: string;
  readonly subjectId?: string;
  readonly actorId?: string;
}

/** Insert and read only: the table refuses anything else (see the accounts migration). */
@Injectable()
export class AuditRepository {
  constructor(private readonly db: DataSource) {}

  /**
   * Appends entries, in order, each chained to the one before it, the first
   * to the last one logged. The lock serialises appends until the caller's
   * transaction ends, so the next append sees these as the last and ids follow
   * the chain. Entries of one change go in one statement: a clip's merge
   * opening a case per match waited on three round trips for each.
   */
  async append(em: EntityManager, ...entries: NewAuditEntry[]): Promise<void> {
    if (!entries.length) return;
    await em.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_CHAIN_LOCK]);
    const [last] = (await em.query(`SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1`)) as { hash: string | null }[];
    let prevHash = last?.hash ?? CHAIN_START;
    const at = new Date();
    const rows = entries.map((entry) => {
      const row = em.create(AuditEntryEntity, { ...entry, at, prevHash, hash: auditHash(prevHash, { ...entry, at }) });
      prevHash = row.hash!;
      return row;
    });
    await em.save(rows);
  }

  /** The chain's position of a subject's first entry of this action: where a registration entered the chain. */
  async positionOf(subjectType: string, subjectId: string, action: string): Promise<{ entryId: string; entryHash: string } | null> {
    const e = await this.db.getRepository(AuditEntryEntity).findOne({ where: { subjectType, subjectId, action }, order: { id: 'ASC' } });
    return e?.hash ? { entryId: e.id, entryHash: e.hash } : null;
  }

  /** The number of entries and the last one's hash. */
  async head(): Promise<{ entries: number; head: string; lastId: string | null }> {
    const [row] = (await this.db.query(`SELECT count(*)::int AS entries, (SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1) AS head, max(id)::text AS last_id FROM audit_log`)) as {
      entries: number;
      head: string | null;
      last_id: string | null;
    }[];
    return { entries: row.entries, head: row.head ?? CHAIN_START, lastId: row.last_id };
  }

  /** Entries after `afterId`, in chain order, for checking the chain batch by batch. */
  chainAfter(afterId: string, limit: number): Promise<AuditEntryEntity[]> {
    return this.db.getRepository(AuditEntryEntity).find({ where: { id: MoreThan(afterId) }, order: { id: 'ASC' }, take: limit });
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
