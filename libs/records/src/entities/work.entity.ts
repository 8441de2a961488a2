import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, OneToMany, PrimaryGeneratedColumn } from 'typeorm';
import { AccountEntity } from './account.entity';
import { EpisodeEntity } from './episode.entity';

/** A series as a rights holder registers it. */
@Entity({ name: 'works' })
export class WorkEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** The rights holder's account: the only one (with admins) who may change the work or license it. */
  @Index('ix_works_owner')
  @Column({ name: 'owner_id', type: 'uuid' })
  ownerId!: string;

  @ManyToOne(() => AccountEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'owner_id', foreignKeyConstraintName: 'works_owner_id_fkey' })
  owner?: AccountEntity;

  /** The rights holder's name as it appears on certificates and reports. */
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

  /** The shard of the match index holding this work's episodes: chosen at creation, never changed by a restart or a new shard. */
  @Index('ix_works_shard')
  @Column({ type: 'smallint', default: 0 })
  shard!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @OneToMany(() => EpisodeEntity, (e) => e.work)
  episodes?: EpisodeEntity[];
}
