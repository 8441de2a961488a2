import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { AccountEntity } from './account.entity';
import { RegistrationEntity } from './registration.entity';

/**
 * A time range of a registered episode its rights holder declared not theirs
 * (licensed stock footage, a platform sting): never indexed, never evidence.
 */
@Entity({ name: 'reference_exclusions' })
@Index('ix_reference_exclusions_registration', ['registrationId'])
@Check('reference_exclusions_range_check', 'start_seconds >= 0 AND end_seconds > start_seconds')
export class ReferenceExclusionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'registration_id', type: 'uuid' })
  registrationId!: string;

  @ManyToOne(() => RegistrationEntity, (r) => r.exclusions, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'registration_id', foreignKeyConstraintName: 'reference_exclusions_registration_id_fkey' })
  registration?: RegistrationEntity;

  @Column({ name: 'start_seconds', type: 'double precision' })
  startSeconds!: number;

  @Column({ name: 'end_seconds', type: 'double precision' })
  endSeconds!: number;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @ManyToOne(() => AccountEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'reference_exclusions_created_by_fkey' })
  creator?: AccountEntity;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
