import { Check, Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, OneToMany, OneToOne, PrimaryGeneratedColumn } from 'typeorm';
import { AccountEntity } from './account.entity';
import { ConflictMatchEntity } from './conflict-match.entity';
import { RegistrationEntity } from './registration.entity';

export const CONFLICT_STATUSES = ['open', 'registered', 'rejected'] as const;
export type ConflictStatus = (typeof CONFLICT_STATUSES)[number];

/**
 * A registration held back because its episode matches an episode another
 * rights holder registered earlier; an admin registers or rejects it.
 */
@Entity({ name: 'registration_conflicts' })
@Check('registration_conflicts_status_check', `status IN ('open', 'registered', 'rejected')`)
export class RegistrationConflictEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'registration_id', type: 'uuid', unique: true })
  registrationId!: string;

  @OneToOne(() => RegistrationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'registration_id', foreignKeyConstraintName: 'registration_conflicts_registration_id_fkey' })
  registration?: RegistrationEntity;

  @Column({ type: 'varchar', length: 16, default: 'open' })
  status!: ConflictStatus;

  @CreateDateColumn({ name: 'opened_at', type: 'timestamptz' })
  openedAt!: Date;

  @Column({ name: 'resolved_by', type: 'uuid', nullable: true })
  resolvedBy!: string | null;

  @ManyToOne(() => AccountEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'resolved_by', foreignKeyConstraintName: 'registration_conflicts_resolved_by_fkey' })
  resolver?: AccountEntity | null;

  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true })
  resolvedAt!: Date | null;

  @Column({ name: 'resolution_reason', type: 'text', nullable: true })
  resolutionReason!: string | null;

  @OneToMany(() => ConflictMatchEntity, (m) => m.conflict)
  matches?: ConflictMatchEntity[];
}
