import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Caller } from './auth/caller';
import { AccountRepository, ANY, AuditRepository, DomainError, LicenceEntity, LicenceRepository, Page, PageRequest, pageWindow, WorkRepository } from '@dramaguard/records';
import { normalisePlatform } from './account.service';
import { covers, describeOverlap, EpisodeUse, exclusivityClash } from './licence-rules';

export interface LicenceInput {
  readonly workId: string;
  readonly licenseeId: string;
  readonly firstEpisode?: number;
  readonly lastEpisode?: number;
  readonly territories: readonly string[];
  readonly platforms: readonly string[];
  readonly startsOn: string;
  readonly endsOn: string;
  readonly exclusive: boolean;
}

@Injectable()
export class LicenceService {
  constructor(
    private readonly db: DataSource,
    private readonly licences: LicenceRepository,
    private readonly works: WorkRepository,
    private readonly accounts: AccountRepository,
    private readonly audit: AuditRepository,
  ) {}

  /**
   * A rights holder licenses its own work (or a range of its episodes). Grants
   * on one work are checked one after the other, so two overlapping exclusive
   * licences cannot both slip in.
   */
  async grant(caller: Caller, input: LicenceInput): Promise<LicenceEntity> {
    const work = await this.works.findById(input.workId);
    if (!work || work.ownerId !== caller.id) throw new DomainError('work_not_found', `no work with id ${input.workId}`);
    const [licensee] = await this.accounts.findByIds([input.licenseeId]);
    if (!licensee || licensee.role !== 'licensee') throw new DomainError('not_a_licensee', `account ${input.licenseeId} is not a licensee`);
    const scope = {
      firstEpisode: input.firstEpisode ?? null,
      lastEpisode: input.lastEpisode ?? input.firstEpisode ?? null,
      territories: unique(input.territories.map((t) => (t === ANY ? ANY : t.toUpperCase()))),
      platforms: unique(input.platforms.map((p) => (p === ANY ? ANY : normalisePlatform(p)))),
      startsOn: input.startsOn,
      endsOn: input.endsOn,
    };
    if (scope.endsOn < scope.startsOn) throw new DomainError('invalid_licence', 'the licence ends before it starts');
    if (scope.firstEpisode !== null && (scope.lastEpisode! < scope.firstEpisode || scope.lastEpisode! > work.episodeCount)) {
      throw new DomainError('invalid_licence', `the episode range must lie within the work's ${work.episodeCount} episodes, first before last`);
    }
    const id = await this.db.transaction(async (em) => {
      await this.licences.lockWork(em, work.id);
      const clash = exclusivityClash({ ...scope, exclusive: input.exclusive }, await this.licences.forWork(em, work.id));
      if (clash) {
        const which = clash.licence.exclusive ? 'an exclusive licence' : 'a licence';
        throw new DomainError(
          'licence_overlap',
          `refused: ${which} (${clash.licence.id}, to ${clash.licence.licensee?.name ?? clash.licence.licenseeId}) already covers ${describeOverlap(clash.overlap)}` +
            (input.exclusive ? '; an exclusive licence may not overlap any other licence' : '; no licence may overlap an exclusive one'),
          { conflictingLicenceId: clash.licence.id, overlap: clash.overlap },
        );
      }
      const saved = await this.licences.insert(em, { ...scope, workId: work.id, licenseeId: licensee.id, grantedBy: caller.id, exclusive: input.exclusive });
      await this.audit.append(em, {
        actorId: caller.id,
        action: 'licence.granted',
        subjectType: 'licence',
        subjectId: saved.id,
        before: null,
        after: { workId: work.id, licenseeId: licensee.id, ...scope, exclusive: input.exclusive },
      });
      return saved.id;
    });
    return this.loaded(id);
  }

  /** Licensees see the licences they hold, rights holders those on their works, admins all. */
  async list(caller: Caller, request: PageRequest & { workId?: string }): Promise<Page<LicenceEntity>> {
    const { page, pageSize, offset } = pageWindow(request);
    const filter = {
      workId: request.workId,
      ...(caller.role === 'licensee' ? { licenseeId: caller.id } : {}),
      ...(caller.role === 'rights_holder' ? { ownerId: caller.id } : {}),
    };
    const [items, total] = await this.licences.page(filter, offset, pageSize);
    return { items, total, page, pageSize };
  }

  async get(caller: Caller, id: string): Promise<LicenceEntity> {
    const licence = await this.licences.findById(id);
    const visible =
      licence &&
      (caller.role === 'admin' ||
        (caller.role === 'licensee' && licence.licenseeId === caller.id) ||
        (caller.role === 'rights_holder' && licence.work?.ownerId === caller.id));
    if (!licence || !visible) throw new DomainError('licence_not_found', `no licence with id ${id}`);
    return licence;
  }

  /** The first of the licensee's licences on the work that covers the use, or null. */
  async covering(licenseeId: string, workId: string, use: EpisodeUse): Promise<LicenceEntity | null> {
    return (await this.licences.held(licenseeId, workId)).find((l) => covers(l, use)) ?? null;
  }

  private async loaded(id: string): Promise<LicenceEntity> {
    const licence = await this.licences.findById(id);
    if (!licence) throw new DomainError('licence_not_found', `no licence with id ${id}`);
    return licence;
  }
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
