import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Caller } from './auth/caller';
import { canSeeWork } from './auth/work-access';
import { AuditEntryEntity, AuditRepository, NewAuditEntry, CaseFilter, CaseRepository, CaseStatus, ClipMatchEntity, DomainError, Page, PageRequest, pageWindow, ReviewCaseEntity } from '@dramaguard/records';
import { checkCaseAction } from './case-rules';
import { takesDown } from './policy-rules';

export interface CaseDetail {
  readonly reviewCase: ReviewCaseEntity;
  readonly history: AuditEntryEntity[];
}

@Injectable()
export class CaseService {
  constructor(
    private readonly db: DataSource,
    private readonly cases: CaseRepository,
    private readonly audit: AuditRepository,
  ) {}

  /**
   * Opens the cases for matches whose verdict is case_opened, in the
   * transaction that stores the matches, all in one statement and their audit
   * entries in another. Under a takedown policy a match scoring at least its
   * threshold is confirmed at once, by the service, and its notice can go out.
   */
  async open(em: EntityManager, opened: readonly { readonly match: ClipMatchEntity; readonly workId: string }[]): Promise<ReviewCaseEntity[]> {
    if (!opened.length) return [];
    const at = new Date();
    const cases = await this.cases.insert(
      em,
      opened.map(({ match, workId }) => {
        const policy = match.policy;
        const confirmed = takesDown(policy, match.score)
          ? { at, reason: `takedown policy: score ${match.score.toFixed(3)} is at least the holder's threshold ${policy!.takedownMinScore}` }
          : null;
        return { clipId: match.clipId, matchId: match.id, registrationId: match.registrationId, workId, score: match.score, policy, confirmed };
      }),
    );
    await this.audit.append(em, ...cases.flatMap(openedEntries));
    return cases;
  }

  /** Reviewers and admins list every case; a rights holder only the cases on its works. */
  async list(caller: Caller, filter: CaseFilter, request: PageRequest): Promise<Page<ReviewCaseEntity>> {
    const { page, pageSize, offset } = pageWindow(request);
    const scoped = caller.role === 'rights_holder' ? { ...filter, ownerId: caller.id } : filter;
    if (caller.role === 'rights_holder' && filter.ownerId && filter.ownerId !== caller.id) return { items: [], total: 0, page, pageSize };
    const [items, total] = await this.cases.page(scoped, offset, pageSize);
    return { items, total, page, pageSize };
  }

  async get(caller: Caller, id: string): Promise<CaseDetail> {
    const reviewCase = await this.cases.findDetailed(id);
    if (!reviewCase || !reviewCase.work || !canSeeWork(caller, reviewCase.work)) throw new DomainError('case_not_found', `no case with id ${id}`);
    return { reviewCase, history: await this.audit.forSubject('case', id) };
  }

  claim(caller: Caller, id: string): Promise<CaseDetail> {
    return this.change(caller, id, 'claim', () => ({ status: 'claimed', assigneeId: caller.id }));
  }

  confirm(caller: Caller, id: string, reason: string | null): Promise<CaseDetail> {
    return this.change(caller, id, 'confirm', () => ({ status: 'confirmed', decidedAt: new Date(), decisionReason: reason }));
  }

  dismiss(caller: Caller, id: string, reason: string): Promise<CaseDetail> {
    return this.change(caller, id, 'dismiss', () => ({ status: 'dismissed', decidedAt: new Date(), decisionReason: reason }));
  }

  async addNote(caller: Caller, id: string, text: string): Promise<CaseDetail> {
    await this.db.transaction(async (em) => {
      await this.locked(em, id);
      const note = await this.cases.insertNote(em, { caseId: id, authorId: caller.id, text });
      await this.audit.append(em, { actorId: caller.id, action: 'case.note_added', subjectType: 'case', subjectId: id, before: null, after: { noteId: note.id, text } });
    });
    return this.get(caller, id);
  }

  private async change(
    caller: Caller,
    id: string,
    action: 'claim' | 'confirm' | 'dismiss',
    next: () => { status: CaseStatus; assigneeId?: string; decidedAt?: Date; decisionReason?: string | null },
  ): Promise<CaseDetail> {
    await this.db.transaction(async (em) => {
      const c = await this.locked(em, id);
      checkCaseAction(action, c, caller);
      const change = next();
      const before = { status: c.status, assigneeId: c.assigneeId, decisionReason: c.decisionReason };
      await this.cases.update(em, id, change);
      const after = { ...before, ...change, decidedAt: change.decidedAt?.toISOString() };
      await this.audit.append(em, { actorId: caller.id, action: `case.${past(action)}`, subjectType: 'case', subjectId: id, before, after });
    });
    return this.get(caller, id);
  }

  private async locked(em: EntityManager, id: string): Promise<ReviewCaseEntity> {
    const c = await this.cases.lock(em, id);
    if (!c) throw new DomainError('case_not_found', `no case with id ${id}`);
    return c;
  }
}

function past(action: 'claim' | 'confirm' | 'dismiss'): string {
  return { claim: 'claimed', confirm: 'confirmed', dismiss: 'dismissed' }[action];
}

/** What opening a case records: that it opened, and that a takedown policy confirmed it at once. */
function openedEntries(c: ReviewCaseEntity): NewAuditEntry[] {
  const entries: NewAuditEntry[] = [
    { actorId: null, action: 'case.opened', subjectType: 'case', subjectId: c.id, before: null, after: { status: 'open', clipId: c.clipId, registrationId: c.registrationId, score: c.score, policy: c.policy } },
  ];
  if (c.status === 'confirmed') {
    entries.push({
      actorId: null,
      action: 'case.confirmed',
      subjectType: 'case',
      subjectId: c.id,
      before: { status: 'open' },
      after: { status: 'confirmed', decidedAt: c.decidedAt!.toISOString(), decisionReason: c.decisionReason },
    });
  }
  return entries;
}
