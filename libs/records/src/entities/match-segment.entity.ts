import type { Signal as MatchSignal } from '@dramaguard/audio';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ClipMatchEntity } from './clip-match.entity';

/** One matched stretch: seconds in the clip and the corresponding seconds in the episode. */
@Entity({ name: 'match_segments' })
export class MatchSegmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('ix_match_segments_match')
  @Column({ name: 'match_id', type: 'uuid' })
  matchId!: string;

  @ManyToOne(() => ClipMatchEntity, (m) => m.segments, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'match_id', foreignKeyConstraintName: 'match_segments_match_id_fkey' })
  match?: ClipMatchEntity;

  @Column({ name: 'clip_start', type: 'double precision' })
  clipStart!: number;

  @Column({ name: 'clip_end', type: 'double precision' })
  clipEnd!: number;

  @Column({ name: 'episode_start', type: 'double precision' })
  episodeStart!: number;

  @Column({ name: 'episode_end', type: 'double precision' })
  episodeEnd!: number;

  /** Episode seconds per clip second. */
  @Column({ type: 'double precision' })
  speed!: number;

  @Column({ name: 'matched_frames', type: 'int' })
  matchedFrames!: number;

  @Column({ type: 'double precision' })
  score!: number;

  /** The signals that found this stretch. */
  @Column({ type: 'text', array: true, default: () => "'{picture}'" })
  signals!: MatchSignal[];
}
