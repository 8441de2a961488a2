import { Column, CreateDateColumn, Entity, Generated, JoinColumn, OneToOne, PrimaryColumn, Unique } from 'typeorm';
import { RegistrationEntity } from './registration.entity';

/**
 * One registration's fingerprint in the binary form of `encodeFingerprint`.
 * `seq` grows with every write, so a worker can pull what changed since the
 * last value it saw.
 */
@Entity({ name: 'fingerprints' })
@Unique('fingerprints_seq_key', ['seq'])
export class FingerprintEntity {
  @PrimaryColumn({ name: 'registration_id', type: 'uuid' })
  registrationId!: string;

  @OneToOne(() => RegistrationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'registration_id', foreignKeyConstraintName: 'fingerprints_registration_id_fkey' })
  registration?: RegistrationEntity;

  @Column({ type: 'bigint', insert: false, update: false })
  @Generated('increment')
  seq!: string;

  @Column({ type: 'smallint' })
  fps!: number;

  @Column({ name: 'frame_count', type: 'int' })
  frameCount!: number;

  @Column({ type: 'bytea' })
  data!: Buffer;

  /** One share byte per frame (libs/hash-index shared-content); null while nothing is shared. */
  @Column({ type: 'bytea', nullable: true })
  shares!: Buffer | null;

  /** The soundtrack's fingerprint (libs/audio encodeAudioPrint); null when the episode has no audio stream. */
  @Column({ type: 'bytea', nullable: true })
  audio!: Buffer | null;

  /** One share byte per audio item, as `shares` is per frame; null while nothing is shared. */
  @Column({ name: 'audio_shares', type: 'bytea', nullable: true })
  audioShares!: Buffer | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
