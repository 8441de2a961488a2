import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { AudioMatch } from '@dramaguard/audio';
import type { EpisodeMatch, GeometryVote, ProposedLine } from '@dramaguard/matcher';

/**
 * What was sent to the shards: a suspect clip to match, the same clip's
 * geometries (what each shard tells the others before they match it), its
 * candidates (what each shard proposes before any verifies), or a new
 * episode whose sharing and conflicts are checked.
 */
export const SHARD_SUBJECTS = ['clip', 'geometry', 'plan', 'registration'] as const;
export type ShardSubject = (typeof SHARD_SUBJECTS)[number];
/** Everything the shards answer about one suspect clip in one round. */
export const CLIP_SUBJECTS: readonly ShardSubject[] = ['clip', 'geometry', 'plan'];

/**
 * One shard's answer for a clip or a new registration: the episodes of that
 * shard it copies, and the last fingerprint (seq) the shard's index held when
 * it matched. A shard that gave up records why instead (`failure`). Kept in
 * PostgreSQL, not in the job queue, so a merge sees every answer whatever
 * happened to Redis.
 */
@Entity({ name: 'shard_answers' })
export class ShardAnswerEntity {
  @PrimaryColumn({ name: 'subject_type', type: 'varchar', length: 12 })
  subjectType!: ShardSubject;

  @PrimaryColumn({ name: 'subject_id', type: 'uuid' })
  subjectId!: string;

  @PrimaryColumn({ type: 'smallint' })
  shard!: number;

  @Column({ name: 'index_seq', type: 'bigint', nullable: true })
  indexSeq!: string | null;

  @Column({ type: 'jsonb', nullable: true })
  matches!: EpisodeMatch[] | null;

  /** The episodes of that shard whose soundtrack the subject plays; null when it has none or the answer predates audio. */
  @Column({ type: 'jsonb', nullable: true })
  audio!: AudioMatch[] | null;

  /**
   * A `clip` answer: the stretch of each matched episode's fingerprint that
   * the merge's near-duplicate rule reads (registeredStretch), so the merge
   * reads none from the fingerprints table. Null from an earlier release.
   */
  @Column({ type: 'jsonb', nullable: true })
  registered!: CarriedEpisode[] | null;

  /** A `geometry` answer: per window of the clip (by its first frame), the geometries the shard's sparse round found support for. */
  @Column({ type: 'jsonb', nullable: true })
  geometry!: WindowGeometry[] | null;

  /** A `plan` answer: per window of the clip, the candidate lines the shard's stage one proposed. */
  @Column({ type: 'jsonb', nullable: true })
  plan!: WindowPlan[] | null;

  @Column({ type: 'text', nullable: true })
  failure!: string | null;

  @CreateDateColumn({ name: 'answered_at', type: 'timestamptz' })
  answeredAt!: Date;
}

export interface WindowGeometry {
  readonly first: number;
  readonly votes: readonly GeometryVote[];
}

export interface WindowPlan {
  readonly first: number;
  readonly lines: readonly ProposedLine[];
}

/** A stretch of a registered episode's fingerprint: frames from `first` on, encoded as stored (fingerprint codec), in base64. */
export interface CarriedEpisode {
  readonly episode: string;
  readonly group: string;
  readonly first: number;
  readonly data: string;
}
