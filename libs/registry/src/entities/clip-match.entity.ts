import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, OneToMany, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { ClipEntity } from './clip.entity';
import { MatchSegmentEntity } from './match-segment.entity';
import { RegistrationEntity } from './registration.entity';

/** A registered episode found in a clip. */
@Entity({ name: 'clip_matches' })
@Unique('uq_clip_matches_clip_registration', ['clipId', 'registrationId'])
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

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @OneToMany(() => MatchSegmentEntity, (s) => s.match, { cascade: ['insert'] })
  segments?: MatchSegmentEntity[];
}
