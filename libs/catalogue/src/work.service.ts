import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@dramaguard/config';
import { DataSource } from 'typeorm';
import { Caller, canSeeWork } from '@dramaguard/rights';
import { AccountRepository, AuditRepository, DomainError, NewWork, Page, PageRequest, pageWindow, WorkEntity, WorkRepository } from '@dramaguard/records';
import { shardForNewWork } from './shard-assignment';

export type NewWorkInput = Omit<NewWork, 'ownerId' | 'rightsHolder' | 'shard'> & {
  /** Required when an admin creates the work; a rights holder always creates works for itself. */
  readonly ownerId?: string;
  /** Display name; defaults to the owner account's name. */
  readonly rightsHolder?: string;
};

@Injectable()
export class WorkService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly db: DataSource,
    private readonly works: WorkRepository,
    private readonly accounts: AccountRepository,
    private readonly audit: AuditRepository,
  ) {}

  async create(caller: Caller, input: NewWorkInput): Promise<WorkEntity> {
    const ownerId = caller.role === 'rights_holder' ? caller.id : input.ownerId;
    if (!ownerId) throw new DomainError('owner_required', 'an admin creating a work must give the ownerId of the rights holder');
    if (caller.role === 'rights_holder' && input.ownerId && input.ownerId !== caller.id) {
      throw new DomainError('forbidden', 'a rights holder creates works only for itself');
    }
    const [owner] = await this.accounts.findByIds([ownerId]);
    if (!owner) throw new DomainError('account_not_found', `no account with id ${ownerId}`);
    if (owner.role !== 'rights_holder') throw new DomainError('owner_not_rights_holder', `account ${ownerId} is not a rights holder`);
    const fields = { title: input.title, originalTitle: input.originalTitle, year: input.year, language: input.language, episodeCount: input.episodeCount, metadata: input.metadata };
    return this.db.transaction(async (em) => {
      const shard = shardForNewWork(this.config.shards.count, await this.works.shardLoads(em));
      const work = await this.works.insert(em, { ...fields, ownerId, rightsHolder: input.rightsHolder ?? owner.name, shard });
      await this.audit.append(em, {
        actorId: caller.id,
        action: 'work.created',
        subjectType: 'work',
        subjectId: work.id,
        before: null,
        after: { ownerId, title: work.title, rightsHolder: work.rightsHolder, episodeCount: work.episodeCount, shard },
      });
      return work;
    });
  }

  /** A work the caller may not see is reported as missing, so its existence does not leak. */
  async get(caller: Caller, id: string): Promise<WorkEntity> {
    const work = await this.works.findWithEpisodes(id);
    if (!work || !canSeeWork(caller, work)) throw new DomainError('work_not_found', `no work with id ${id}`);
    return work;
  }

  async list(caller: Caller, request: PageRequest): Promise<Page<WorkEntity>> {
    const { page, pageSize, offset } = pageWindow(request);
    const filter = caller.role === 'rights_holder' ? { ownerId: caller.id } : {};
    const [items, total] = await this.works.page(filter, offset, pageSize);
    return { items, total, page, pageSize };
  }
}
