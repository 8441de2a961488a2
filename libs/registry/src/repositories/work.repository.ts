import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { WorkEntity } from '../entities';

export type NewWork = Pick<WorkEntity, 'rightsHolder' | 'title' | 'originalTitle' | 'year' | 'language' | 'episodeCount' | 'metadata'>;

@Injectable()
export class WorkRepository {
  constructor(private readonly db: DataSource) {}

  insert(work: NewWork): Promise<WorkEntity> {
    const repo = this.db.getRepository(WorkEntity);
    return repo.save(repo.create(work));
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
}
