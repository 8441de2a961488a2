import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { AccountEntity } from './account.entity';
import { ReviewCaseEntity } from './review-case.entity';

/**
 * `open`: the rights holder must answer by `answer_due_at`; `upheld`: the holder
 * upheld the case, the uploader may appeal once; `appealed`: an admin decides;
 * `released`: the case was released (by the holder, the deadline or an admin);
 * `appeal_rejected`: the admin upheld the case, which stays confirmed for good.
 */
export const DISPUTE_STATUSES = ['open', 'upheld', 'appealed', 'released', 'appeal_rejected'] as const;
export type DisputeStatus = (typeof DISPUTE_STATUSES)[number];

/** How the uploader proved it was the uploader: the notice's dispute token, or a licensee's key whose uploader account the clip names. */
export type DisputeChannel = 'token' | 'licensee';

/** The uploader's contest of a confirmed case: one per case. */
@Entity({ name: 'disputes' })
@Check('disputes_status_check', `status IN ('open', 'upheld', 'appealed', 'released', 'appeal_rejected')`)
@Check('disputes_channel_check', `channel IN ('token', 'licensee')`)
export class DisputeEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'case_id', type: 'uuid', unique: true })
  caseId!: string;

  @ManyToOne(() => ReviewCaseEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'disputes_case_id_fkey' })
  reviewCase?: ReviewCaseEntity;

  @Column({ type: 'varchar', length: 16 })
  channel!: DisputeChannel;

  /** The licensee who disputed, when it did so with its key. */
  @Column({ name: 'disputant_id', type: 'uuid', nullable: true })
  disputantId!: string | null;

  @ManyToOne(() => AccountEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'disputant_id', foreignKeyConstraintName: 'disputes_disputant_id_fkey' })
  disputant?: AccountEntity | null;

  @Index('ix_disputes_status')
  @Column({ type: 'varchar', length: 16 })
  status!: DisputeStatus;

  @Column({ type: 'text' })
  reason!: string;

  /** Unanswered by then, the case is released. */
  @Column({ name: 'answer_due_at', type: 'timestamptz' })
  answerDueAt!: Date;

  @Column({ name: 'answered_at', type: 'timestamptz', nullable: true })
  answeredAt!: Date | null;

  @Column({ name: 'answer_reason', type: 'text', nullable: true })
  answerReason!: string | null;

  @Column({ name: 'appealed_at', type: 'timestamptz', nullable: true })
  appealedAt!: Date | null;

  @Column({ name: 'appeal_reason', type: 'text', nullable: true })
  appealReason!: string | null;

  @Column({ name: 'appeal_decided_at', type: 'timestamptz', nullable: true })
  appealDecidedAt!: Date | null;

  @Column({ name: 'appeal_decision_reason', type: 'text', nullable: true })
  appealDecisionReason!: string | null;

  @CreateDateColumn({ name: 'opened_at', type: 'timestamptz' })
  openedAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
