import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, FindOptionsWhere, ILike } from 'typeorm';
import { WorkEntity } from '../entities';

export type NewWork = Pick<WorkEntity, 'ownerId' | 'rightsHolder' | 'title' | 'originalTitle' | 'year' | 'language' | 'episodeCount' | 'metadata'> & { shard?: number };

@Injectable()
export class WorkRepository {
  constructor(private readonly db: DataSource) {}

  insert(em: EntityManager, work: NewWork): Promise<WorkEntity> {
    return em.save(em.create(WorkEntity, work));
  }

  /** Works and registered seconds per shard, for the shards that hold any work. */
  async shardLoads(em: EntityManager): Promise<Map<number, { works: number; seconds: number }>> {
    const rows = (await em.query(
      `SELECT w.shard, COUNT(DISTINCT w.id)::int AS works, COALESCE(SUM(r.duration_seconds), 0)::float8 AS seconds
       FROM works w LEFT JOIN episodes e ON e.work_id = w.id LEFT JOIN registrations r ON r.episode_id = e.id AND r.status = 'registered'
       GROUP BY w.shard`,
    )) as { shard: number; works: number; seconds: number }[];
    return new Map(rows.map((r) => [r.shard, { works: r.works, seconds: r.seconds }]));
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
