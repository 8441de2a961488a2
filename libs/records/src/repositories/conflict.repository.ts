import { Injectable } from '@nestjs/common';
import { Brackets, DataSource, EntityManager } from 'typeorm';
import { ConflictMatchEntity, ConflictStatus, RegistrationConflictEntity } from '../entities';

export type NewConflictMatch = Pick<ConflictMatchEntity, 'registrationId' | 'ownerId' | 'score' | 'mirrored' | 'segments'>;

@Injectable()
export class ConflictRepository {
  constructor(private readonly db: DataSource) {}

  async insert(em: EntityManager, registrationId: string, matches: readonly NewConflictMatch[]): Promise<RegistrationConflictEntity> {
    const conflict = await em.save(em.create(RegistrationConflictEntity, { registrationId, status: 'open', resolvedBy: null, resolvedAt: null, resolutionReason: null }));
    for (const m of matches) await em.save(em.create(ConflictMatchEntity, { ...m, conflictId: conflict.id }));
    return conflict;
  }

  lock(em: EntityManager, id: string): Promise<RegistrationConflictEntity | null> {
    return em.findOne(RegistrationConflictEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async resolve(em: EntityManager, id: string, r: { status: ConflictStatus; resolvedBy: string; resolutionReason: string | null }): Promise<void> {
    await em.update(RegistrationConflictEntity, { id }, { ...r, resolvedAt: new Date() });
  }

  /** The conflict with the held registration (episode, work) and every matched registration (episode, work). */
  findDetailed(id: string): Promise<RegistrationConflictEntity | null> {
    return this.db.getRepository(RegistrationConflictEntity).findOne({
      where: { id },
      relations: { registration: { episode: { work: true } }, matches: { registration: { episode: { work: true } } } },
    });
  }

  /** Newest first; `involving` narrows to conflicts where that holder owns either side. */
  page(filter: { status?: ConflictStatus; involving?: string }, offset: number, limit: number): Promise<[RegistrationConflictEntity[], number]> {
    const q = this.db
      .getRepository(RegistrationConflictEntity)
      .createQueryBuilder('c')
      .innerJoinAndSelect('c.registration', 'r')
      .innerJoinAndSelect('r.episode', 'e')
      .innerJoinAndSelect('e.work', 'w')
      .leftJoinAndSelect('c.matches', 'm')
      .leftJoinAndSelect('m.registration', 'mr')
      .leftJoinAndSelect('mr.episode', 'me')
      .leftJoinAndSelect('me.work', 'mw')
      .orderBy('c.opened_at', 'DESC')
      .addOrderBy('c.id', 'ASC')
      .skip(offset)
      .take(limit);
    if (filter.status) q.andWhere('c.status = :status', { status: filter.status });
    if (filter.involving) {
      q.andWhere(
        new Brackets((b) =>
          b
            .where('w.owner_id = :holder', { holder: filter.involving })
            .orWhere('EXISTS (SELECT 1 FROM conflict_matches x WHERE x.conflict_id = c.id AND x.owner_id = :holder)', { holder: filter.involving }),
        ),
      );
    }
    return q.getManyAndCount();
  }
}
