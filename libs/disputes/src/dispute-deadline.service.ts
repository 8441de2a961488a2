import { Injectable, Logger } from '@nestjs/common';
import { JobQueue } from '@dramaguard/queue';
import { AuditRepository, CaseRepository, DisputeEntity, DisputeRepository, DomainError } from '@dramaguard/records';
import { DataSource } from 'typeorm';
import { deadlineOutcome } from './dispute-rules';

/** A deadline job that fires this early (clock skew between processes) waits it out instead of failing. */
const MAX_EARLY_WAIT_MS = 60_000;

/**
 * The answer deadline of a dispute: a delayed job scheduled when the dispute
 * opens, and what the job does when it fires. Needs no signing key, so every
 * worker can run it.
 */
@Injectable()
export class DisputeDeadlineService {
  private readonly log = new Logger(DisputeDeadlineService.name);

  constructor(
    private readonly db: DataSource,
    private readonly cases: CaseRepository,
    private readonly disputes: DisputeRepository,
    private readonly audit: AuditRepository,
    private readonly queue: JobQueue,
  ) {}

  /**
   * Enqueued after the commit; should Redis lose it, or its job fail for good,
   * the deadline reconciler enqueues it again from PostgreSQL.
   */
  async schedule(d: Pick<DisputeEntity, 'id' | 'answerDueAt'>): Promise<boolean> {
    try {
      return await this.queue.ensure('dispute-deadline', { disputeId: d.id }, { delayMs: Math.max(0, d.answerDueAt.getTime() - Date.now()) });
    } catch (e) {
      this.log.warn(`dispute ${d.id}: deadline job not enqueued (${(e as Error).message}); the reconciler will enqueue it`);
      return false;
    }
  }

  /** The deadline job: releases the case of a dispute still unanswered at its deadline; anything else is left as it is. */
  async expire(disputeId: string): Promise<void> {
    const d = await this.disputes.findDetailed(disputeId);
    if (!d) return;
    const { earlyMs } = deadlineOutcome(d.status, d.answerDueAt, new Date());
    if (earlyMs > MAX_EARLY_WAIT_MS) throw new DomainError('dispute_not_due', `dispute ${disputeId} is due at ${d.answerDueAt.toISOString()}`);
    if (earlyMs > 0) await new Promise((resolve) => setTimeout(resolve, earlyMs));
    const released = await this.db.transaction(async (em) => {
      await this.cases.lock(em, d.caseId);
      const current = (await this.disputes.lock(em, disputeId))!;
      if (!deadlineOutcome(current.status, current.answerDueAt, new Date()).release) return false;
      const reason = `the rights holder did not answer by ${current.answerDueAt.toISOString()}`;
      await this.disputes.update(em, disputeId, { status: 'released', answerReason: reason });
      await this.cases.update(em, d.caseId, { status: 'released' });
      await this.audit.append(em, { actorId: null, action: 'case.released', subjectType: 'case', subjectId: d.caseId, before: { status: 'confirmed', disputeStatus: 'open' }, after: { status: 'released', disputeStatus: 'released', disputeId, reason } });
      return true;
    });
    if (released) this.log.log(`dispute ${disputeId}: unanswered at its deadline, case ${d.caseId} released`);
  }
}
