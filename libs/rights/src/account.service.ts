import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { hashApiKey, keyPrefix, newApiKey } from './auth/api-key';
import { Caller } from './auth/caller';
import { AccountEntity, AccountRepository, ApiKeyEntity, AuditRepository, DomainError, Role, violatedUniqueConstraint } from '@dramaguard/records';

export interface PlatformAccountInput {
  readonly platform: string;
  readonly handle: string;
}

export interface NewAccountInput {
  readonly name: string;
  readonly role: Role;
  readonly platformAccounts?: readonly PlatformAccountInput[];
}

export interface IssuedKey {
  /** The key itself: returned once, never stored. */
  readonly key: string;
  readonly record: ApiKeyEntity;
}

/** Platforms are compared case-insensitively ("Douyin" and "douyin" are one platform); handles exactly. */
export function normalisePlatform(platform: string): string {
  return platform.trim().toLowerCase();
}

@Injectable()
export class AccountService {
  constructor(
    private readonly db: DataSource,
    private readonly accounts: AccountRepository,
    private readonly audit: AuditRepository,
  ) {}

  /** The caller behind an API key; unknown and revoked keys get the same answer. */
  async authenticate(key: string): Promise<Caller> {
    const found = await this.accounts.findKeyByHash(hashApiKey(key));
    if (!found || found.revokedAt || !found.account) throw new DomainError('invalid_api_key', 'the API key is unknown or has been revoked');
    return { id: found.account.id, name: found.account.name, role: found.account.role };
  }

  async create(caller: Caller, input: NewAccountInput): Promise<AccountEntity> {
    const platformAccounts = input.platformAccounts ?? [];
    if (platformAccounts.length && input.role !== 'licensee') {
      throw new DomainError('platform_accounts_not_allowed', 'only licensee accounts have platform accounts');
    }
    const id = await this.uniquePlatform(() =>
      this.db.transaction(async (em) => {
        const account = await this.accounts.insert(em, { name: input.name, role: input.role });
        for (const p of platformAccounts) {
          await this.accounts.insertPlatformAccount(em, { accountId: account.id, platform: normalisePlatform(p.platform), handle: p.handle.trim() });
        }
        await this.audit.append(em, {
          actorId: caller.id,
          action: 'account.created',
          subjectType: 'account',
          subjectId: account.id,
          before: null,
          after: { name: account.name, role: account.role, platformAccounts: platformAccounts.map((p) => ({ ...p, platform: normalisePlatform(p.platform) })) },
        });
        return account.id;
      }),
    );
    return this.get(id);
  }

  list(): Promise<AccountEntity[]> {
    return this.accounts.list();
  }

  async get(id: string): Promise<AccountEntity> {
    const account = await this.accounts.findById(id);
    if (!account) throw new DomainError('account_not_found', `no account with id ${id}`);
    return account;
  }

  async addPlatformAccount(caller: Caller, accountId: string, input: PlatformAccountInput): Promise<AccountEntity> {
    const account = await this.get(accountId);
    if (account.role !== 'licensee') throw new DomainError('platform_accounts_not_allowed', 'only licensee accounts have platform accounts');
    const platform = normalisePlatform(input.platform);
    const handle = input.handle.trim();
    await this.uniquePlatform(() =>
      this.db.transaction(async (em) => {
        const saved = await this.accounts.insertPlatformAccount(em, { accountId, platform, handle });
        await this.audit.append(em, {
          actorId: caller.id,
          action: 'platform_account.added',
          subjectType: 'account',
          subjectId: accountId,
          before: null,
          after: { platformAccountId: saved.id, platform, handle },
        });
      }),
    );
    return this.get(accountId);
  }

  async issueKey(caller: Caller, accountId: string, label: string | null): Promise<IssuedKey> {
    await this.get(accountId);
    const key = newApiKey();
    const record = await this.db.transaction(async (em) => {
      const saved = await this.accounts.insertKey(em, { accountId, keyHash: hashApiKey(key), prefix: keyPrefix(key), label });
      await this.audit.append(em, {
        actorId: caller.id,
        action: 'api_key.created',
        subjectType: 'api_key',
        subjectId: saved.id,
        before: null,
        after: { accountId, prefix: saved.prefix, label },
      });
      return saved;
    });
    return { key, record };
  }

  async listKeys(accountId: string): Promise<ApiKeyEntity[]> {
    await this.get(accountId);
    return this.accounts.listKeys(accountId);
  }

  /** Revoking a revoked key changes nothing and is not an error. */
  async revokeKey(caller: Caller, accountId: string, keyId: string): Promise<ApiKeyEntity> {
    const key = await this.accounts.findKey(accountId, keyId);
    if (!key) throw new DomainError('api_key_not_found', `account ${accountId} has no key ${keyId}`);
    if (key.revokedAt) return key;
    const at = new Date();
    await this.db.transaction(async (em) => {
      await this.accounts.revokeKey(em, keyId, at);
      await this.audit.append(em, {
        actorId: caller.id,
        action: 'api_key.revoked',
        subjectType: 'api_key',
        subjectId: keyId,
        before: { revokedAt: null },
        after: { revokedAt: at.toISOString() },
      });
    });
    return { ...key, revokedAt: at };
  }

  private async uniquePlatform<T>(write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (e) {
      if (violatedUniqueConstraint(e) === 'uq_platform_accounts_platform_handle') {
        throw new DomainError('platform_account_taken', 'that platform account already belongs to a licensee');
      }
      throw e;
    }
  }
}
