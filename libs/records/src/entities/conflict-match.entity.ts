import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { AccountEntity } from './account.entity';
import { RegistrationConflictEntity } from './registration-conflict.entity';
import { RegistrationEntity } from './registration.entity';

export interface ConflictSegment {
  readonly newStart: number;
  readonly newEnd: number;
  readonly registeredStart: number;
  readonly registeredEnd: number;
  readonly speed: number;
  readonly score: number;
}

/** The evidence of a conflict: an earlier registration of another holder that the new episode matches, and where. */
@Entity({ name: 'conflict_matches' })
export class ConflictMatchEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('ix_conflict_matches_conflict')
  @Column({ name: 'conflict_id', type: 'uuid' })
  conflictId!: string;

  @ManyToOne(() => RegistrationConflictEntity, (c) => c.matches, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'conflict_id', foreignKeyConstraintName: 'conflict_matches_conflict_id_fkey' })
  conflict?: RegistrationConflictEntity;

  @Column({ name: 'registration_id', type: 'uuid' })
  registrationId!: string;

  @ManyToOne(() => RegistrationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'registration_id', foreignKeyConstraintName: 'conflict_matches_registration_id_fkey' })
  registration?: RegistrationEntity;

  /** Owner of the matched registration's work when the conflict opened: whom the conflict is shown to. */
  @Index('ix_conflict_matches_owner')
  @Column({ name: 'owner_id', type: 'uuid' })
  ownerId!: string;

  @ManyToOne(() => AccountEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'owner_id', foreignKeyConstraintName: 'conflict_matches_owner_id_fkey' })
  owner?: AccountEntity;

  @Column({ type: 'double precision' })
  score!: number;

  @Column({ type: 'boolean' })
  mirrored!: boolean;

  /** Seconds in the new episode and in the registered one. */
  @Column({ type: 'jsonb' })
  segments!: ConflictSegment[];
}
