import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@dramaguard/config';
import { DisputeTokens } from '@dramaguard/evidence';
import {
  AccountRepository,
  AuditRepository,
  CaseRepository,
  DisputeChange,
  DisputeEntity,
  DisputeFilter,
  DisputeRepository,
  DomainError,
  Page,
  PageRequest,
  pageWindow,
  ReviewCaseEntity,
} from '@dramaguard/records';
import { Caller, canChangeWork, canSeeWork } from '@dramaguard/rights';
import { DataSource, EntityManager } from 'typeorm';
import { DisputeDeadlineService } from './dispute-deadline.service';
import { answerDue, checkCanAnswer, checkCanAppeal, checkCanDecideAppeal, checkCanDispute } from './dispute-rules';

/** Who is disputing: whoever holds the notice's token, or a licensee whose uploader account the clip names. */
export type Disputant = { readonly token: string } | { readonly licensee: Caller };

/**
 * The uploader's contest of a confirmed case: dispute, the rights holder's
 * answer (uphold or release) within DISPUTE_ANSWER_DAYS or the case is
 * released, one appeal of an upheld dispute to an admin. Every step is audited
 * on the case, so its history tells the whole story.
 */
@Injectable()
export class DisputeService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly db: DataSource,
    private readonly cases: CaseRepository,
    private readonly disputes: DisputeRepository,
    private readonly accounts: AccountRepository,
    private readonly audit: AuditRepository,
    private readonly tokens: DisputeTokens,
    private readonly deadlines: DisputeDeadlineService,
  ) {}

  async dispute(caseId: string, who: Disputant, reason: string): Promise<DisputeEntity> {
    await this.checkDisputant(caseId, who);
    const dispute = await this.db.transaction(async (em) => {
      const c = await this.lockedCase(em, caseId);
      checkCanDispute(c.status, (await this.disputes.forCase(caseId, em))?.status ?? null);
      const openedAt = new Date();
      const d = await this.disputes.insert(em, {
        caseId,
        channel: 'token' in who ? 'token' : 'licensee',
        disputantId: 'licensee' in who ? who.licensee.id : null,
        reason,
        openedAt,
        answerDueAt: answerDue(openedAt, this.config.disputes.answerDays),
      });
      await this.record(em, 'licensee' in who ? who.licensee.id : null, 'case.disputed', d, { status: 'confirmed' }, { disputeId: d.id, reason, answerDueAt: d.answerDueAt.toISOString() });
      return d;
    });
    await this.deadlines.schedule(dispute);
    return dispute;
  }

  uphold(caller: Caller, disputeId: string, reason: string): Promise<DisputeEntity> {
    return this.change(caller, disputeId, 'holder', (d) => {
      checkCanAnswer(d.status);
      return { change: { status: 'upheld', answeredAt: new Date(), answerReason: reason }, action: 'case.dispute_upheld', releaseCase: false };
    });
  }

  release(caller: Caller, disputeId: string, reason: string): Promise<DisputeEntity> {
    return this.change(caller, disputeId, 'holder', (d) => {
      checkCanAnswer(d.status);
      return { change: { status: 'released', answeredAt: new Date(), answerReason: reason }, action: 'case.released', releaseCase: true };
    });
  }

  async appeal(disputeId: string, who: Disputant, reason: string): Promise<DisputeEntity> {
    const existing = await this.disputes.findDetailed(disputeId);
    if (!existing) throw new DomainError('dispute_not_found', `no dispute with id ${disputeId}`);
    await this.checkDisputant(existing.caseId, who);
    return this.change(null, disputeId, 'disputant', (d) => {
      checkCanAppeal(d.status);
      return { change: { status: 'appealed', appealedAt: new Date(), appealReason: reason }, action: 'case.appealed', releaseCase: false };
    }, 'licensee' in who ? who.licensee.id : null);
  }

  /** A licensee's appeal names the case: it learns the dispute's id only if it keeps the answer of its dispute. */
  async appealCase(caseId: string, licensee: Caller, reason: string): Promise<DisputeEntity> {
    await this.checkDisputant(caseId, { licensee });
    const d = await this.disputes.forCase(caseId);
    if (!d) throw new DomainError('dispute_not_found', `case ${caseId} has not been disputed`);
    return this.appeal(d.id, { licensee }, reason);
  }

  decideAppeal(caller: Caller, disputeId: string, decision: 'uphold' | 'release', reason: string): Promise<DisputeEntity> {
    return this.change(caller, disputeId, 'admin', (d) => {
      checkCanDecideAppeal(d.status);
      const change: DisputeChange = { status: decision === 'uphold' ? 'appeal_rejected' : 'released', appealDecidedAt: new Date(), appealDecisionReason: reason };
      return { change, action: decision === 'uphold' ? 'case.appeal_rejected' : 'case.released', releaseCase: decision === 'release' };
    });
  }

  /** Admins and reviewers see every dispute; a rights holder those on its works. Soonest deadline first. */
  async list(caller: Caller, filter: DisputeFilter, request: PageRequest): Promise<Page<DisputeEntity>> {
    const { page, pageSize, offset } = pageWindow(request);
    const scoped = caller.role === 'rights_holder' ? { ...filter, ownerId: caller.id } : filter;
    const [items, total] = await this.disputes.page(scoped, offset, pageSize);
    return { items, total, page, pageSize };
  }

  async get(caller: Caller, disputeId: string): Promise<DisputeEntity> {
    const d = await this.disputes.findDetailed(disputeId);
    if (!d || !canSeeWork(caller, d.reviewCase!.work!)) throw new DomainError('dispute_not_found', `no dispute with id ${disputeId}`);
    return d;
  }

  private async change(
    caller: Caller | null,
    disputeId: string,
    who: 'holder' | 'admin' | 'disputant',
    next: (d: DisputeEntity) => { change: DisputeChange; action: string; releaseCase: boolean },
    actorId: string | null = caller?.id ?? null,
  ): Promise<DisputeEntity> {
    const found = caller ? await this.get(caller, disputeId) : await this.disputes.findDetailed(disputeId);
    if (!found) throw new DomainError('dispute_not_found', `no dispute with id ${disputeId}`);
    if (who === 'holder' && !canChangeWork(caller!, found.reviewCase!.work!)) throw new DomainError('forbidden', 'only the work’s rights holder (or an admin) answers a dispute');
    await this.db.transaction(async (em) => {
      await this.lockedCase(em, found.caseId);
      const d = (await this.disputes.lock(em, disputeId))!;
      const { change, action, releaseCase } = next(d);
      await this.disputes.update(em, disputeId, change);
      if (releaseCase) await this.cases.update(em, d.caseId, { status: 'released' });
      await this.record(em, actorId, action, d, { status: 'confirmed', disputeStatus: d.status }, { ...stateOf(change), ...(releaseCase ? { status: 'released' } : {}), disputeId });
    });
    return (await this.disputes.findDetailed(disputeId))!;
  }

  private async checkDisputant(caseId: string, who: Disputant): Promise<void> {
    if ('token' in who) {
      if (!this.tokens.matches(caseId, who.token)) throw new DomainError('invalid_dispute_token', 'this token is not the dispute token of that case’s takedown notice');
      return;
    }
    const c = await this.cases.findDetailed(caseId);
    const uploader = c?.clip ? await this.accounts.uploaderLicensee(c.clip) : null;
    // A licensee that did not upload the clip learns nothing about the case.
    if (!c || uploader !== who.licensee.id) throw new DomainError('case_not_found', `no case with id ${caseId} on a clip from your uploader accounts`);
  }

  private async lockedCase(em: EntityManager, id: string): Promise<ReviewCaseEntity> {
    const c = await this.cases.lock(em, id);
    if (!c) throw new DomainError('case_not_found', `no case with id ${id}`);
    return c;
  }

  private async record(em: EntityManager, actorId: string | null, action: string, d: Pick<DisputeEntity, 'caseId'>, before: Record<string, unknown>, after: Record<string, unknown>): Promise<void> {
    await this.audit.append(em, { actorId, action, subjectType: 'case', subjectId: d.caseId, before, after });
  }
}

function stateOf(change: DisputeChange): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(change).map(([k, v]) => [k === 'status' ? 'disputeStatus' : k, v instanceof Date ? v.toISOString() : v]),
  );
}
