import type { AudioEvidence, Signal as MatchSignal } from '@dramaguard/audio';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, OneToMany, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { MatchEdits } from '@dramaguard/matcher';
import { ClipEntity } from './clip.entity';
import { LicenceEntity } from './licence.entity';
import { MatchSegmentEntity } from './match-segment.entity';
import type { AppliedPolicy } from './policy.entity';
import { RegistrationEntity } from './registration.entity';

/**
 * `licensed`: a licence covers the clip's use; `tracked`: the work's policy only
 * records such uses; `case_opened`: a case was opened (and, under a takedown
 * policy, maybe confirmed at once). Null for ownership queries.
 */
export const MATCH_VERDICTS = ['licensed', 'tracked', 'case_opened'] as const;
export type MatchVerdict = (typeof MATCH_VERDICTS)[number];

/** Declared with the fusion that decides them (libs/audio). */
export type { AudioEvidence, Signal as MatchSignal } from '@dramaguard/audio';

/** A registered episode found in a clip. */
@Entity({ name: 'clip_matches' })
@Unique('uq_clip_matches_clip_registration', ['clipId', 'registrationId'])
@Check('clip_matches_verdict_check', `verdict IN ('licensed', 'tracked', 'case_opened')`)
export class ClipMatchEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'clip_id', type: 'uuid' })
  clipId!: string;

  @ManyToOne(() => ClipEntity, (c) => c.matches, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'clip_id', foreignKeyConstraintName: 'clip_matches_clip_id_fkey' })
  clip?: ClipEntity;

  @Index('ix_clip_matches_registration')
  @Column({ name: 'registration_id', type: 'uuid' })
  registrationId!: string;

  @ManyToOne(() => RegistrationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'registration_id', foreignKeyConstraintName: 'clip_matches_registration_id_fkey' })
  registration?: RegistrationEntity;

  @Column({ type: 'double precision' })
  score!: number;

  /** The clip shows the episode flipped left to right. */
  @Column({ type: 'boolean' })
  mirrored!: boolean;

  /** Normalised rectangle of the clip frame that shows the episode's picture. */
  @Column({ type: 'jsonb' })
  region!: { x0: number; y0: number; x1: number; y1: number };

  /** How the clip edits the episode (mirror, speed, crop, bars, inset); null for matches stored before edits were recorded. */
  @Column({ type: 'jsonb', nullable: true })
  edits!: MatchEdits | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  verdict!: MatchVerdict | null;

  /** The licence that covers the use, when the verdict is `licensed`. */
  @Column({ name: 'licence_id', type: 'uuid', nullable: true })
  licenceId!: string | null;

  @ManyToOne(() => LicenceEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'licence_id', foreignKeyConstraintName: 'clip_matches_licence_id_fkey' })
  licence?: LicenceEntity | null;

  /** The work's policy in force when the clip was matched; null for ownership queries and matches older than policies. */
  @Column({ type: 'jsonb', nullable: true })
  policy!: AppliedPolicy | null;

  @Column({ type: 'text', array: true, default: () => "'{picture}'" })
  signals!: MatchSignal[];

  @Column({ type: 'jsonb', nullable: true })
  audio!: AudioEvidence | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @OneToMany(() => MatchSegmentEntity, (s) => s.match, { cascade: ['insert'] })
  segments?: MatchSegmentEntity[];
}
