import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, OneToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { RegistrationEntity } from './registration.entity';
import { WorkEntity } from './work.entity';

@Entity({ name: 'episodes' })
@Unique('uq_episodes_work_number', ['workId', 'number'])
export class EpisodeEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'work_id', type: 'uuid' })
  workId!: string;

  @ManyToOne(() => WorkEntity, (w) => w.episodes, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'work_id', foreignKeyConstraintName: 'episodes_work_id_fkey' })
  work?: WorkEntity;

  @Column({ type: 'int' })
  number!: number;

  @Column({ type: 'varchar', length: 300 })
  title!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @OneToOne(() => RegistrationEntity, (r) => r.episode)
  registration?: RegistrationEntity;
}
