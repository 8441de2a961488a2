import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, OneToMany, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';
import { AccountEntity } from './account.entity';
import { CaseNoteEntity } from './case-note.entity';
import { ClipMatchEntity } from './clip-match.entity';
import { ClipEntity } from './clip.entity';
import { RegistrationEntity } from './registration.entity';
import type { AppliedPolicy } from './policy.entity';
import { WorkEntity } from './work.entity';

/** `released`: a confirmed case given up after the uploader disputed it (by its holder, the answer deadline or an admin). */
export const CASE_STATUSES = ['open', 'claimed', 'confirmed', 'dismissed', 'released'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** A suspected infringement: one clip copying one registered episode, for a reviewer to decide. */
@Entity({ name: 'cases' })
@Unique('uq_cases_clip_registration', ['clipId', 'registrationId'])
@Check('cases_status_check', `status IN ('open', 'claimed', 'confirmed', 'dismissed', 'released')`)
export class ReviewCaseEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'clip_id', type: 'uuid' })
  clipId!: string;

  @ManyToOne(() => ClipEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'clip_id', foreignKeyConstraintName: 'cases_clip_id_fkey' })
  clip?: ClipEntity;

  @Column({ name: 'match_id', type: 'uuid', unique: true })
  matchId!: string;

  @ManyToOne(() => ClipMatchEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'match_id', foreignKeyConstraintName: 'cases_match_id_fkey' })
  match?: ClipMatchEntity;

  @Column({ name: 'registration_id', type: 'uuid' })
  registrationId!: string;

  @ManyToOne(() => RegistrationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'registration_id', foreignKeyConstraintName: 'cases_registration_id_fkey' })
  registration?: RegistrationEntity;

  /** Copied from the registration's episode, so cases filter by work (and its owner) without joins. */
  @Index('ix_cases_work')
  @Column({ name: 'work_id', type: 'uuid' })
  workId!: string;

  @ManyToOne(() => WorkEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'work_id', foreignKeyConstraintName: 'cases_work_id_fkey' })
  work?: WorkEntity;

  @Index('ix_cases_status')
  @Column({ type: 'varchar', length: 16, default: 'open' })
  status!: CaseStatus;

  @Column({ type: 'double precision' })
  score!: number;

  /** The work's policy in force when the clip was matched (a copy of the match's); null for cases older than policies. */
  @Column({ type: 'jsonb', nullable: true })
  policy!: AppliedPolicy | null;

  /** The reviewer who claimed the case. */
  @Column({ name: 'assignee_id', type: 'uuid', nullable: true })
  assigneeId!: string | null;

  @ManyToOne(() => AccountEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'assignee_id', foreignKeyConstraintName: 'cases_assignee_id_fkey' })
  assignee?: AccountEntity | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  /** Why a case was dismissed (required), or a remark on a confirmation. */
  @Column({ name: 'decision_reason', type: 'text', nullable: true })
  decisionReason!: string | null;

  @CreateDateColumn({ name: 'opened_at', type: 'timestamptz' })
  openedAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @OneToMany(() => CaseNoteEntity, (n) => n.reviewCase)
  notes?: CaseNoteEntity[];
}
