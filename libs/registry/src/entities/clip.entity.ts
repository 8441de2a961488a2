import { Check, Column, CreateDateColumn, Entity, Index, OneToMany, PrimaryGeneratedColumn } from 'typeorm';
import { ClipMatchEntity } from './clip-match.entity';

export const CLIP_STATUSES = ['queued', 'matching', 'done', 'failed'] as const;
export type ClipStatus = (typeof CLIP_STATUSES)[number];

/** A suspect clip a reviewer submitted; review cases will hang off it. */
@Entity({ name: 'clips' })
@Check('clips_status_check', `status IN ('queued', 'matching', 'done', 'failed')`)
@Check('clips_progress_check', 'progress BETWEEN 0 AND 100')
export class ClipEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

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

  @Column({ type: 'varchar', length: 16, default: 'queued' })
  status!: ClipStatus;

  @Column({ type: 'smallint', default: 0 })
  progress!: number;

  @Column({ name: 'failure_reason', type: 'text', nullable: true })
  failureReason!: string | null;

  @CreateDateColumn({ name: 'received_at', type: 'timestamptz' })
  receivedAt!: Date;

  @Column({ name: 'matched_at', type: 'timestamptz', nullable: true })
  matchedAt!: Date | null;

  @OneToMany(() => ClipMatchEntity, (m) => m.clip)
  matches?: ClipMatchEntity[];
}
