import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A checkpoint of the audit chain as it was signed: the canonical JSON and the Ed25519 signature over it. */
@Entity({ name: 'audit_checkpoints' })
export class AuditCheckpointEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  @Column({ type: 'timestamptz' })
  at!: Date;

  @Column({ type: 'int' })
  entries!: number;

  @Column({ type: 'char', length: 64 })
  head!: string;

  @Column({ type: 'text' })
  json!: string;

  @Column({ type: 'text' })
  signature!: string;
}
