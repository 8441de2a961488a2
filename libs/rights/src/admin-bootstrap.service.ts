import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@dramaguard/config';
import { DataSource } from 'typeorm';
import { hashApiKey, keyPrefix } from './auth/api-key';
import { AccountRepository, AuditRepository } from '@dramaguard/records';

/** Any constant shared by every api process: two processes booting at once create one admin, not two. */
const BOOTSTRAP_LOCK = 0x44474144;

/**
 * Makes sure the key in ADMIN_API_KEY belongs to an admin account, creating
 * the account on first boot. A bootstrap key that an admin has since revoked
 * stays revoked: the operator sets a new ADMIN_API_KEY instead.
 */
@Injectable()
export class AdminBootstrap implements OnApplicationBootstrap {
  private readonly log = new Logger(AdminBootstrap.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly db: DataSource,
    private readonly accounts: AccountRepository,
    private readonly audit: AuditRepository,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const key = this.config.auth.adminApiKey;
    if (!key) {
      this.log.warn('ADMIN_API_KEY is not set: no bootstrap administrator is ensured');
      return;
    }
    await this.db.transaction(async (em) => {
      await em.query('SELECT pg_advisory_xact_lock($1)', [BOOTSTRAP_LOCK]);
      const existing = await this.accounts.findKeyByHash(hashApiKey(key));
      if (existing) {
        if (existing.revokedAt) this.log.warn('the key in ADMIN_API_KEY has been revoked; set a new one to get an administrator key');
        return;
      }
      const admin = await this.accounts.insert(em, { name: 'Administrator', role: 'admin' });
      const saved = await this.accounts.insertKey(em, { accountId: admin.id, keyHash: hashApiKey(key), prefix: keyPrefix(key), label: 'ADMIN_API_KEY' });
      await this.audit.append(em, { actorId: null, action: 'account.created', subjectType: 'account', subjectId: admin.id, before: null, after: { name: admin.name, role: admin.role } });
      await this.audit.append(em, { actorId: null, action: 'api_key.created', subjectType: 'api_key', subjectId: saved.id, before: null, after: { accountId: admin.id, prefix: saved.prefix, label: saved.label } });
      this.log.log(`bootstrap administrator created (account ${admin.id})`);
    });
  }
}
