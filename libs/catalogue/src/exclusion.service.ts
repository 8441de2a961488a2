import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Caller, canChangeWork, visibleRegistration } from '@dramaguard/rights';
import { AuditRepository, DomainError, ExclusionRepository, FingerprintRepository, ReferenceExclusionEntity, RegistrationEntity, RegistrationRepository } from '@dramaguard/records';
import { ExclusionInput, exclusionProblem, MAX_EXCLUSIONS_PER_REGISTRATION } from './exclusion-rules';

/**
 * Reference exclusions (docs/FINGERPRINT.md, section 7): a rights holder marks
 * time ranges of its own episode as not its own (licensed stock footage, a
 * platform sting); those frames are never indexed and never evidence. Every
 * change is audited and gives the episode's fingerprint a fresh `seq` in the
 * same transaction, so every worker re-indexes the episode with the change;
 * an episode not fingerprinted yet gets its exclusions when it is indexed.
 */
@Injectable()
export class ExclusionService {
  constructor(
    private readonly db: DataSource,
    private readonly registrations: RegistrationRepository,
    private readonly exclusions: ExclusionRepository,
    private readonly fingerprints: FingerprintRepository,
    private readonly audit: AuditRepository,
  ) {}

  /** Admins, reviewers and the episode's own rights holder; anyone else is told it does not exist. */
  async list(caller: Caller, registrationId: string): Promise<ReferenceExclusionEntity[]> {
    await this.visible(caller, registrationId);
    return this.exclusions.forRegistration(registrationId);
  }

  /** Only the episode's rights holder (or an admin) excludes ranges of it. */
  async add(caller: Caller, registrationId: string, input: ExclusionInput): Promise<ReferenceExclusionEntity> {
    const registration = await this.changeable(caller, registrationId);
    const problem = exclusionProblem(input, registration.durationSeconds);
    if (problem) throw new DomainError('invalid_exclusion', problem);
    const range = { startSeconds: input.startSeconds, endSeconds: input.endSeconds, reason: input.reason.trim() };
    return this.db.transaction(async (em) => {
      await this.exclusions.lockRegistration(em, registrationId);
      if ((await this.exclusions.count(em, registrationId)) >= MAX_EXCLUSIONS_PER_REGISTRATION) {
        throw new DomainError('invalid_exclusion', `an episode may hold at most ${MAX_EXCLUSIONS_PER_REGISTRATION} exclusions; remove one first`);
      }
      const saved = await this.exclusions.insert(em, { registrationId, ...range, createdBy: caller.id });
      await this.changed(em, caller, registrationId, 'registration.exclusion_added', null, { exclusionId: saved.id, ...range });
      return saved;
    });
  }

  /** Removing an exclusion makes its range matchable again once the workers re-index the episode. */
  async remove(caller: Caller, registrationId: string, exclusionId: string): Promise<ReferenceExclusionEntity> {
    await this.changeable(caller, registrationId);
    return this.db.transaction(async (em) => {
      await this.exclusions.lockRegistration(em, registrationId);
      const x = await this.exclusions.find(em, registrationId, exclusionId);
      if (!x) throw new DomainError('exclusion_not_found', `registration ${registrationId} has no exclusion ${exclusionId}`);
      await this.exclusions.delete(em, x.id);
      const before = { exclusionId: x.id, startSeconds: x.startSeconds, endSeconds: x.endSeconds, reason: x.reason };
      await this.changed(em, caller, registrationId, 'registration.exclusion_removed', before, null);
      return x;
    });
  }

  private async changed(
    em: EntityManager,
    caller: Caller,
    registrationId: string,
    action: string,
    before: Record<string, unknown> | null,
    after: Record<string, unknown> | null,
  ): Promise<void> {
    await this.audit.append(em, { actorId: caller.id, action, subjectType: 'registration', subjectId: registrationId, before, after });
    await this.fingerprints.touch(em, registrationId);
  }

  private async visible(caller: Caller, registrationId: string): Promise<RegistrationEntity> {
    return visibleRegistration(caller, await this.registrations.findById(registrationId), registrationId);
  }

  private async changeable(caller: Caller, registrationId: string): Promise<RegistrationEntity> {
    const registration = await this.visible(caller, registrationId);
    if (!canChangeWork(caller, registration.episode!.work!)) throw new DomainError('forbidden', 'only the rights holder of the episode and admins change its exclusions');
    return registration;
  }
}
