import { Check, Column, CreateDateColumn, Entity, OneToMany, PrimaryGeneratedColumn } from 'typeorm';
import { ApiKeyEntity } from './api-key.entity';
import { PlatformAccountEntity } from './platform-account.entity';

export const ROLES = ['admin', 'rights_holder', 'reviewer', 'licensee'] as const;
export type Role = (typeof ROLES)[number];

/** A person or organisation using the service, with exactly one role. */
@Entity({ name: 'accounts' })
@Check('accounts_role_check', `role IN ('admin', 'rights_holder', 'reviewer', 'licensee')`)
export class AccountEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 16 })
  role!: Role;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @OneToMany(() => ApiKeyEntity, (k) => k.account)
  keys?: ApiKeyEntity[];

  @OneToMany(() => PlatformAccountEntity, (p) => p.account)
  platformAccounts?: PlatformAccountEntity[];
}
