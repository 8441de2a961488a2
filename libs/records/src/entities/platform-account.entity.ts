import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { AccountEntity } from './account.entity';

/**
 * A licensee's uploader account on a video platform: a clip uploaded from it
 * is a use that the licensee's licences may cover. A platform account belongs
 * to one licensee only.
 */
@Entity({ name: 'platform_accounts' })
@Unique('uq_platform_accounts_platform_handle', ['platform', 'handle'])
export class PlatformAccountEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('ix_platform_accounts_account')
  @Column({ name: 'account_id', type: 'uuid' })
  accountId!: string;

  @ManyToOne(() => AccountEntity, (a) => a.platformAccounts, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'account_id', foreignKeyConstraintName: 'platform_accounts_account_id_fkey' })
  account?: AccountEntity;

  /** Lower case, e.g. douyin. */
  @Column({ type: 'varchar', length: 50 })
  platform!: string;

  /** The uploader's handle on the platform, as given (compared exactly). */
  @Column({ type: 'varchar', length: 200 })
  handle!: string;
}
