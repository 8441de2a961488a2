import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { ReferenceExclusionEntity } from '../entities';

export type NewExclusion = Pick<ReferenceExclusionEntity, 'registrationId' | 'startSeconds' | 'endSeconds' | 'reason' | 'createdBy'>;

/** The time ranges rights holders excluded from their episodes (reference_exclusions). */
@Injectable()
export class ExclusionRepository {
  constructor(private readonly db: DataSource) {}

  /** Holds the registration's row until the transaction ends, so changes to one episode's exclusions run one after the other. */
  async lockRegistration(em: EntityManager, registrationId: string): Promise<void> {
    await em.query('SELECT id FROM registrations WHERE id = $1 FOR UPDATE', [registrationId]);
  }

  /** In episode order: by start, then end, then when they were recorded. */
  forRegistration(registrationId: string, em: EntityManager = this.db.manager): Promise<ReferenceExclusionEntity[]> {
    return em.find(ReferenceExclusionEntity, { where: { registrationId }, order: { startSeconds: 'ASC', endSeconds: 'ASC', createdAt: 'ASC', id: 'ASC' } });
  }

  count(em: EntityManager, registrationId: string): Promise<number> {
    return em.count(ReferenceExclusionEntity, { where: { registrationId } });
  }

  find(em: EntityManager, registrationId: string, id: string): Promise<ReferenceExclusionEntity | null> {
    return em.findOneBy(ReferenceExclusionEntity, { id, registrationId });
  }

  insert(em: EntityManager, x: NewExclusion): Promise<ReferenceExclusionEntity> {
    return em.save(em.create(ReferenceExclusionEntity, x));
  }

  async delete(em: EntityManager, id: string): Promise<void> {
    await em.delete(ReferenceExclusionEntity, { id });
  }
}
