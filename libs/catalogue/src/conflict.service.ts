import { Injectable, Logger } from '@nestjs/common';
import { JobQueue } from '@dramaguard/queue';
import { DataSource } from 'typeorm';
import { Caller } from '@dramaguard/rights';
import { AuditRepository, ConflictRepository, ConflictStatus, DomainError, FingerprintRepository, Page, PageRequest, pageWindow, RegistrationConflictEntity, RegistrationRepository } from '@dramaguard/records';
import { registeredEntry } from './registered-entry';

export type ConflictDecision = 'register' | 'reject';

@Injectable()
export class ConflictService {
  private readonly log = new Logger(ConflictService.name);

  constructor(
    private readonly db: DataSource,
    private readonly conflicts: ConflictRepository,
    private readonly registrations: RegistrationRepository,
    private readonly fingerprints: FingerprintRepository,
    private readonly audit: AuditRepository,
    private readonly queue: JobQueue,
  ) {}

  /** Admins see every conflict; a rights holder those where it owns the held episode or a matched one. */
  async list(caller: Caller, status: ConflictStatus | undefined, request: PageRequest): Promise<Page<RegistrationConflictEntity>> {
    const { page, pageSize, offset } = pageWindow(request);
    const [items, total] = await this.conflicts.page({ status, involving: caller.role === 'admin' ? undefined : caller.id }, offset, pageSize);
    return { items, total, page, pageSize };
  }

  async get(caller: Caller, id: string): Promise<RegistrationConflictEntity> {
    const conflict = await this.conflicts.findDetailed(id);
    if (!conflict || !involves(caller, conflict)) throw new DomainError('conflict_not_found', `no conflict with id ${id}`);
    return conflict;
  }

  /**
   * `register` makes the held episode matchable (its fingerprint gets a fresh
   * seq, so every worker indexes it) and queues its retro-match; `reject`
   * leaves it unregistered for good. Repeating the decision already taken is
   * accepted, so a request whose retro-match could not be queued can simply be retried.
   */
  async resolve(caller: Caller, id: string, decision: ConflictDecision, reason: string | null): Promise<RegistrationConflictEntity> {
    const status: ConflictStatus = decision === 'register' ? 'registered' : 'rejected';
    const conflict = await this.db.transaction(async (em) => {
      const c = await this.conflicts.lock(em, id);
      if (!c) throw new DomainError('conflict_not_found', `no conflict with id ${id}`);
      if (c.status === status) return c;
      if (c.status !== 'open') throw new DomainError('conflict_already_resolved', `the conflict was already resolved: ${c.status}`);
      if (decision === 'register') {
        await this.fingerprints.touch(em, c.registrationId);
        await this.registrations.markRegistered(em, c.registrationId);
        const [registration, fingerprint] = await Promise.all([this.registrations.findById(c.registrationId), this.fingerprints.dataOf(c.registrationId)]);
        if (registration && fingerprint) await this.audit.append(em, registeredEntry(registration, fingerprint, caller.id));
      } else {
        await this.registrations.markRejected(em, c.registrationId);
      }
      await this.conflicts.resolve(em, id, { status, resolvedBy: caller.id, resolutionReason: reason });
      await this.audit.append(em, {
        actorId: caller.id,
        action: 'conflict.resolved',
        subjectType: 'conflict',
        subjectId: id,
        before: { status: 'open', registrationStatus: 'conflict' },
        after: { status, registrationStatus: status, reason },
      });
      return c;
    });
    if (decision === 'register') await this.queueRetroMatch(conflict.registrationId);
    return this.get(caller, id);
  }

  private async queueRetroMatch(registrationId: string): Promise<void> {
    try {
      await this.queue.enqueue('retro-match-episode', { registrationId });
    } catch (e) {
      this.log.error(`could not queue the retro-match of ${registrationId}: ${(e as Error).message}`);
      throw new DomainError('queue_unavailable', 'the episode is registered, but matching recent clips against it could not be queued; repeat this request shortly');
    }
  }
}

function involves(caller: Caller, c: RegistrationConflictEntity): boolean {
  if (caller.role === 'admin') return true;
  if (caller.role !== 'rights_holder') return false;
  return c.registration?.episode?.work?.ownerId === caller.id || (c.matches ?? []).some((m) => m.ownerId === caller.id);
}
