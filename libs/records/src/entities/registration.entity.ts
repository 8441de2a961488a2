import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, OneToMany, OneToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { EpisodeEntity } from './episode.entity';
import { ReferenceExclusionEntity } from './reference-exclusion.entity';

/** `conflict`: held because another holder registered the same footage first; an admin then registers or rejects it. */
export const REGISTRATION_STATUSES = ['queued', 'fingerprinting', 'registered', 'conflict', 'rejected', 'failed'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

/** The registered file of an episode: what was received, when, and how far fingerprinting has come. */
@Entity({ name: 'registrations' })
@Check('registrations_status_check', `status IN ('queued', 'fingerprinting', 'registered', 'conflict', 'rejected', 'failed')`)
@Check('registrations_progress_check', 'progress BETWEEN 0 AND 100')
@Index('ix_registrations_retro_pending', ['registeredAt', 'id'], { where: `status = 'registered' AND retro_matched_at IS NULL` })
@Index('ix_registrations_unfinished', ['id'], { where: `status IN ('queued', 'fingerprinting')` })
export class RegistrationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Human-readable and unique, e.g. DG-2026-000042. */
  @Column({ type: 'varchar', length: 32, unique: true })
  number!: string;

  @Column({ name: 'episode_id', type: 'uuid', unique: true })
  episodeId!: string;

  @OneToOne(() => EpisodeEntity, (e) => e.registration, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'episode_id', foreignKeyConstraintName: 'registrations_episode_id_fkey' })
  episode?: EpisodeEntity;

  @Column({ type: 'char', length: 64, unique: true })
  sha256!: string;

  @Column({ name: 'media_key', type: 'varchar', length: 200 })
  mediaKey!: string;

  @Column({ name: 'file_name', type: 'varchar', length: 255 })
  fileName!: string;

  @Column({ name: 'size_bytes', type: 'bigint' })
  sizeBytes!: string;

  @Column({ name: 'duration_seconds', type: 'double precision' })
  durationSeconds!: number;

  @Column({ type: 'int' })
  width!: number;

  @Column({ type: 'int' })
  height!: number;

  /** Whether the upload's probe found a soundtrack; null for a row written before it was kept. */
  @Column({ name: 'has_audio', type: 'boolean', nullable: true })
  hasAudio!: boolean | null;

  @Column({ type: 'varchar', length: 16, default: 'queued' })
  status!: RegistrationStatus;

  /** Percent of the episode fingerprinted. */
  @Column({ type: 'smallint', default: 0 })
  progress!: number;

  @Column({ name: 'failure_reason', type: 'text', nullable: true })
  failureReason!: string | null;

  @CreateDateColumn({ name: 'received_at', type: 'timestamptz' })
  receivedAt!: Date;

  @Column({ name: 'fingerprinting_started_at', type: 'timestamptz', nullable: true })
  fingerprintingStartedAt!: Date | null;

  /** Set when the fingerprint is stored and the episode can be matched. */
  @Column({ name: 'registered_at', type: 'timestamptz', nullable: true })
  registeredAt!: Date | null;

  /** Set when recent clips have been matched again against the registered episode (RetroMatchService); until then the reconciler sees to it. */
  @Column({ name: 'retro_matched_at', type: 'timestamptz', nullable: true })
  retroMatchedAt!: Date | null;

  /** The registration whose retro-match job took this one into its batch (RetroMatchService), and until when the claim holds unless renewed. */
  @Column({ name: 'retro_claimed_by', type: 'uuid', nullable: true })
  retroClaimedBy!: string | null;

  @Column({ name: 'retro_claimed_until', type: 'timestamptz', nullable: true })
  retroClaimedUntil!: Date | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  /** Time ranges its rights holder declared not theirs (loaded on request). */
  @OneToMany(() => ReferenceExclusionEntity, (x) => x.registration)
  exclusions?: ReferenceExclusionEntity[];
}
