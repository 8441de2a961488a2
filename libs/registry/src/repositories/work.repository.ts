import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, FindOptionsWhere, ILike } from 'typeorm';
import { WorkEntity } from '../entities';

export type NewWork = Pick<WorkEntity, 'ownerId' | 'rightsHolder' | 'title' | 'originalTitle' | 'year' | 'language' | 'episodeCount' | 'metadata'>;

@Injectable()
export class WorkRepository {
  constructor(private readonly db: DataSource) {}

  insert(em: EntityManager, work: NewWork): Promise<WorkEntity> {
    return em.save(em.create(WorkEntity, work));
  }

  findById(id: string): Promise<WorkEntity | null> {
    return this.db.getRepository(WorkEntity).findOneBy({ id });
  }

  /** The work with its episodes (by number) and their registrations. */
  findWithEpisodes(id: string): Promise<WorkEntity | null> {
    return this.db.getRepository(WorkEntity).findOne({
      where: { id },
      relations: { episodes: { registration: true } },
      order: { episodes: { number: 'ASC' } },
    });
  }

  /** Newest first; `ownerId` narrows to one rights holder's works. */
  page(filter: { ownerId?: string }, offset: number, limit: number): Promise<[WorkEntity[], number]> {
    const where: FindOptionsWhere<WorkEntity> = filter.ownerId ? { ownerId: filter.ownerId } : {};
    return this.db.getRepository(WorkEntity).findAndCount({ where, order: { createdAt: 'DESC', id: 'ASC' }, skip: offset, take: limit });
  }

  /** Works whose title or original title contains `text` (case-insensitive), with their episodes and registrations. */
  searchByTitle(text: string, offset: number, limit: number): Promise<[WorkEntity[], number]> {
    const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    return this.db.getRepository(WorkEntity).findAndCount({
      where: [{ title: ILike(pattern) }, { originalTitle: ILike(pattern) }],
      relations: { episodes: { registration: true } },
      order: { title: 'ASC', id: 'ASC', episodes: { number: 'ASC' } },
      skip: offset,
      take: limit,
    });
  }
}
