import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';
import { WorkEntity } from './work.entity';

/**
 * `track`: record the match, open no case; `review`: a case for a reviewer (what
 * a work without a policy gets); `takedown`: from `takedown_min_score` up the case
 * is confirmed at once and its takedown notice can go out, below it the case is reviewed.
 */
export const POLICY_ACTIONS = ['track', 'review', 'takedown'] as const;
export type PolicyAction = (typeof POLICY_ACTIONS)[number];

/** What a match should do, set by the work's rights holder, for a territory and a platform (or `*` for any). */
@Entity({ name: 'policies' })
@Unique('uq_policies_work_territory_platform', ['workId', 'territory', 'platform'])
@Check('policies_action_check', `action IN ('track', 'review', 'takedown')`)
@Check('policies_takedown_score_check', `(action = 'takedown') = (takedown_min_score IS NOT NULL)`)
export class PolicyEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('ix_policies_work')
  @Column({ name: 'work_id', type: 'uuid' })
  workId!: string;

  @ManyToOne(() => WorkEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'work_id', foreignKeyConstraintName: 'policies_work_id_fkey' })
  work?: WorkEntity;

  /** ISO 3166-1 alpha-2, or `*`. */
  @Column({ type: 'varchar', length: 8 })
  territory!: string;

  /** Lower-case platform name, or `*`. */
  @Column({ type: 'varchar', length: 64 })
  platform!: string;

  @Column({ type: 'varchar', length: 16 })
  action!: PolicyAction;

  @Column({ name: 'takedown_min_score', type: 'double precision', nullable: true })
  takedownMinScore!: number | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

/**
 * The policy in force when a clip was matched, copied onto the match and its
 * case: a later change of policy does not rewrite what was decided under the
 * old one. `policyId` is null for the default (review, no policy set).
 */
export interface AppliedPolicy {
  readonly policyId: string | null;
  readonly action: PolicyAction;
  readonly territory: string;
  readonly platform: string;
  readonly takedownMinScore: number | null;
}
