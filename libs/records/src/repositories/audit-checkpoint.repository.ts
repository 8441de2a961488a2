import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditCheckpointEntity } from '../entities';

@Injectable()
export class AuditCheckpointRepository {
  constructor(private readonly db: DataSource) {}

  latest(em: EntityManager): Promise<AuditCheckpointEntity | null> {
    return em.findOne(AuditCheckpointEntity, { where: {}, order: { id: 'DESC' } });
  }

  async insert(em: EntityManager, c: Omit<AuditCheckpointEntity, 'id'>): Promise<void> {
    await em.insert(AuditCheckpointEntity, c);
  }

  /** Newest first. */
  page(offset: number, limit: number): Promise<[AuditCheckpointEntity[], number]> {
    return this.db.getRepository(AuditCheckpointEntity).findAndCount({ order: { id: 'DESC' }, skip: offset, take: limit });
  }
}
