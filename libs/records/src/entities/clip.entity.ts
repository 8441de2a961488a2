import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, OneToMany, PrimaryGeneratedColumn } from 'typeorm';
import { AccountEntity } from './account.entity';
import { ClipMatchEntity } from './clip-match.entity';

/**
 * `incomplete`: some shard of the match index did not answer in time (or gave
 * up); the matches are those of the shards that answered, and the clip is
 * completed if the missing answers arrive later.
 */
export const CLIP_STATUSES = ['queued', 'matching', 'done', 'incomplete', 'failed'] as const;
export type ClipStatus = (typeof CLIP_STATUSES)[number];

/**
 * `infringement_check`: a suspect clip; its unlicensed matches open review cases.
 * `ownership_query`: a licensee asking who owns footage; it opens nothing.
 */
export const CLIP_PURPOSES = ['infringement_check', 'ownership_query'] as const;
export type ClipPurpose = (typeof CLIP_PURPOSES)[number];

/** A suspect clip a reviewer submitted; review cases will hang off it. */
@Entity({ name: 'clips' })
@Index('ix_clips_unfinished', ['id'], { where: `status IN ('queued', 'matching', 'incomplete')` })
@Check('clips_status_check', `status IN ('queued', 'matching', 'done', 'incomplete', 'failed')`)
@Check('clips_progress_check', 'progress BETWEEN 0 AND 100')
@Check('clips_purpose_check', `purpose IN ('infringement_check', 'ownership_query')`)
export class ClipEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Null for clips submitted before accounts existed. */
  @Column({ name: 'submitted_by', type: 'uuid', nullable: true })
  submittedBy!: string | null;

  @ManyToOne(() => AccountEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'submitted_by', foreignKeyConstraintName: 'clips_submitted_by_fkey' })
  submitter?: AccountEntity | null;

  @Column({ type: 'varchar', length: 20, default: 'infringement_check' })
  purpose!: ClipPurpose;

  /** Where the clip was found (lower case), and by which uploader account: the use a licence may cover. */
  @Column({ type: 'varchar', length: 50, nullable: true })
  platform!: string | null;

  @Column({ name: 'uploader_account', type: 'varchar', length: 200, nullable: true })
  uploaderAccount!: string | null;

  /** ISO 3166-1 alpha-2 country where the use happened, when known. */
  @Column({ type: 'varchar', length: 2, nullable: true })
  territory!: string | null;

  /** Day of the use (YYYY-MM-DD): licences are checked against it. */
  @Column({ name: 'used_on', type: 'date' })
  usedOn!: string;

  @Index('ix_clips_sha256')
  @Column({ type: 'char', length: 64 })
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
  status!: ClipStatus;

  @Column({ type: 'smallint', default: 0 })
  progress!: number;

  @Column({ name: 'failure_reason', type: 'text', nullable: true })
  failureReason!: string | null;

  @Index('ix_clips_received_at')
  @CreateDateColumn({ name: 'received_at', type: 'timestamptz' })
  receivedAt!: Date;

  @Column({ name: 'matched_at', type: 'timestamptz', nullable: true })
  matchedAt!: Date | null;

  /** How many shards the decoded clip was sent to, and when: the merge waits for that many answers, until SHARD_TIMEOUT_MS after. */
  @Column({ name: 'shard_count', type: 'smallint', nullable: true })
  shardCount!: number | null;

  @Column({ name: 'fanned_out_at', type: 'timestamptz', nullable: true })
  fannedOutAt!: Date | null;

  /** Set when the video file was deleted under CLIP_RETENTION_DAYS (no open, claimed or confirmed case needed it); the row and its result stay. */
  @Column({ name: 'media_purged_at', type: 'timestamptz', nullable: true })
  mediaPurgedAt!: Date | null;

  /** The soundtrack at every speed correction (libs/audio encodeAudioProbe); null without an audio stream. Read only where needed (ClipRepository.audioOf). */
  @Column({ type: 'bytea', nullable: true, select: false })
  audio!: Buffer | null;

  @OneToMany(() => ClipMatchEntity, (m) => m.clip)
  matches?: ClipMatchEntity[];
}
