import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { AccountEntity, ApiKeyEntity, PlatformAccountEntity, Role } from '../entities';

export interface NewApiKey {
  readonly accountId: string;
  readonly keyHash: string;
  readonly prefix: string;
  readonly label: string | null;
}

@Injectable()
export class AccountRepository {
  constructor(private readonly db: DataSource) {}

  insert(em: EntityManager, account: { name: string; role: Role }): Promise<AccountEntity> {
    return em.save(em.create(AccountEntity, account));
  }

  findById(id: string): Promise<AccountEntity | null> {
    return this.db.getRepository(AccountEntity).findOne({ where: { id }, relations: { platformAccounts: true } });
  }

  list(): Promise<AccountEntity[]> {
    return this.db.getRepository(AccountEntity).find({ relations: { platformAccounts: true }, order: { createdAt: 'ASC' } });
  }

  findByIds(ids: readonly string[]): Promise<AccountEntity[]> {
    return ids.length ? this.db.getRepository(AccountEntity).findBy({ id: In([...ids]) }) : Promise.resolve([]);
  }

  insertKey(em: EntityManager, key: NewApiKey): Promise<ApiKeyEntity> {
    return em.save(em.create(ApiKeyEntity, { ...key, revokedAt: null }));
  }

  /** The key and its account, revoked or not. */
  findKeyByHash(keyHash: string): Promise<ApiKeyEntity | null> {
    return this.db.getRepository(ApiKeyEntity).findOne({ where: { keyHash }, relations: { account: true } });
  }

  findKey(accountId: string, id: string): Promise<ApiKeyEntity | null> {
    return this.db.getRepository(ApiKeyEntity).findOneBy({ accountId, id });
  }

  listKeys(accountId: string): Promise<ApiKeyEntity[]> {
    return this.db.getRepository(ApiKeyEntity).find({ where: { accountId }, order: { createdAt: 'ASC' } });
  }

  async revokeKey(em: EntityManager, id: string, at: Date): Promise<void> {
    await em.update(ApiKeyEntity, { id }, { revokedAt: at });
  }

  insertPlatformAccount(em: EntityManager, p: { accountId: string; platform: string; handle: string }): Promise<PlatformAccountEntity> {
    return em.save(em.create(PlatformAccountEntity, p));
  }

  findPlatformAccount(platform: string, handle: string): Promise<PlatformAccountEntity | null> {
    return this.db.getRepository(PlatformAccountEntity).findOneBy({ platform, handle });
  }

  /** The licensee whose platform account uploaded a clip; null when the clip names none, or one no licensee holds. */
  async uploaderLicensee(clip: { readonly platform: string | null; readonly uploaderAccount: string | null }): Promise<string | null> {
    if (!clip.platform || !clip.uploaderAccount) return null;
    return (await this.findPlatformAccount(clip.platform, clip.uploaderAccount))?.accountId ?? null;
  }
}
