import { Column, CreateDateColumn, Entity, OneToMany, PrimaryGeneratedColumn } from 'typeorm';
import { EpisodeEntity } from './episode.entity';

/** A series as a rights holder registers it. */
@Entity({ name: 'works' })
export class WorkEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Free-text name or id of the rights holder until accounts exist. */
  @Column({ name: 'rights_holder', type: 'varchar', length: 200 })
  rightsHolder!: string;

  @Column({ type: 'varchar', length: 300 })
  title!: string;

  @Column({ name: 'original_title', type: 'varchar', length: 300, nullable: true })
  originalTitle!: string | null;

  @Column({ type: 'int', nullable: true })
  year!: number | null;

  /** BCP 47 tag, e.g. zh-CN. */
  @Column({ type: 'varchar', length: 35, nullable: true })
  language!: string | null;

  @Column({ name: 'episode_count', type: 'int' })
  episodeCount!: number;

  @Column({ type: 'jsonb' })
  metadata!: Record<string, unknown>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @OneToMany(() => EpisodeEntity, (e) => e.work)
  episodes?: EpisodeEntity[];
}
