import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { AccountEntity } from './account.entity';
import { WorkEntity } from './work.entity';

/** Territory and platform lists use this for "everywhere" / "every platform". */
export const ANY = '*';

/**
 * A rights holder's grant to a licensee: a work (or a range of its episodes),
 * territories (ISO 3166-1 alpha-2, or *), platforms (or *), an inclusive date
 * range, exclusive or not.
 */
@Entity({ name: 'licences' })
@Check('licences_dates_check', 'ends_on >= starts_on')
@Check('licences_episodes_check', '(first_episode IS NULL AND last_episode IS NULL) OR (first_episode >= 1 AND last_episode >= first_episode)')
export class LicenceEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('ix_licences_work')
  @Column({ name: 'work_id', type: 'uuid' })
  workId!: string;

  @ManyToOne(() => WorkEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'work_id', foreignKeyConstraintName: 'licences_work_id_fkey' })
  work?: WorkEntity;

  @Index('ix_licences_licensee')
  @Column({ name: 'licensee_id', type: 'uuid' })
  licenseeId!: string;

  @ManyToOne(() => AccountEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'licensee_id', foreignKeyConstraintName: 'licences_licensee_id_fkey' })
  licensee?: AccountEntity;

  @Column({ name: 'granted_by', type: 'uuid' })
  grantedBy!: string;

  @ManyToOne(() => AccountEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'granted_by', foreignKeyConstraintName: 'licences_granted_by_fkey' })
  grantor?: AccountEntity;

  /** Null with lastEpisode: the whole work. */
  @Column({ name: 'first_episode', type: 'int', nullable: true })
  firstEpisode!: number | null;

  @Column({ name: 'last_episode', type: 'int', nullable: true })
  lastEpisode!: number | null;

  @Column({ type: 'varchar', length: 8, array: true })
  territories!: string[];

  @Column({ type: 'varchar', length: 50, array: true })
  platforms!: string[];

  /** YYYY-MM-DD, inclusive. */
  @Column({ name: 'starts_on', type: 'date' })
  startsOn!: string;

  /** YYYY-MM-DD, inclusive. */
  @Column({ name: 'ends_on', type: 'date' })
  endsOn!: string;

  @Column({ type: 'boolean' })
  exclusive!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
