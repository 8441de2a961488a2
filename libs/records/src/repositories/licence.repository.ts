import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, FindOptionsWhere } from 'typeorm';
import { LicenceEntity } from '../entities';

export type NewLicence = Omit<LicenceEntity, 'id' | 'createdAt' | 'work' | 'licensee' | 'grantor'>;

@Injectable()
export class LicenceRepository {
  constructor(private readonly db: DataSource) {}

  /** Holds the work's row until the transaction ends, so two grants on one work are checked one after the other. */
  async lockWork(em: EntityManager, workId: string): Promise<void> {
    await em.query('SELECT id FROM works WHERE id = $1 FOR UPDATE', [workId]);
  }

  forWork(em: EntityManager, workId: string): Promise<LicenceEntity[]> {
    return em.find(LicenceEntity, { where: { workId }, relations: { licensee: true } });
  }

  insert(em: EntityManager, licence: NewLicence): Promise<LicenceEntity> {
    return em.save(em.create(LicenceEntity, licence));
  }

  findById(id: string): Promise<LicenceEntity | null> {
    return this.db.getRepository(LicenceEntity).findOne({ where: { id }, relations: { work: true, licensee: true } });
  }

  /** Licences held by one licensee on one work. */
  held(licenseeId: string, workId: string): Promise<LicenceEntity[]> {
    return this.db.getRepository(LicenceEntity).find({ where: { licenseeId, workId }, order: { createdAt: 'ASC' } });
  }

  /** Newest first; filters narrow to a licensee's licences or to the licences on one owner's works. */
  page(filter: { licenseeId?: string; ownerId?: string; workId?: string }, offset: number, limit: number): Promise<[LicenceEntity[], number]> {
    const where: FindOptionsWhere<LicenceEntity> = {};
    if (filter.licenseeId) where.licenseeId = filter.licenseeId;
    if (filter.workId) where.workId = filter.workId;
    if (filter.ownerId) where.work = { ownerId: filter.ownerId };
    return this.db
      .getRepository(LicenceEntity)
      .findAndCount({ where, relations: { work: true, licensee: true }, order: { createdAt: 'DESC', id: 'ASC' }, skip: offset, take: limit });
  }
}
