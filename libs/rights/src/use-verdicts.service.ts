import { Injectable } from '@nestjs/common';
import { EpisodeMatch } from '@dramaguard/matcher';
import { AccountRepository, AppliedPolicy, ClipEntity, LicenceRepository, MatchVerdict, PolicyRepository, RegistrationEntity, RegistrationRepository } from '@dramaguard/records';
import { covers } from './licence-rules';
import { policyInForce } from './policy-rules';

export interface Verdict {
  readonly registration: RegistrationEntity;
  readonly verdict: MatchVerdict | null;
  readonly licenceId: string | null;
  /** The work's policy in force for the clip's territory and platform; null for an ownership query. */
  readonly policy: AppliedPolicy | null;
}

/**
 * What each match of a clip means: for a suspect clip, `licensed` when the
 * clip came from a licensee's uploader account and one of that licensee's
 * licences covers the episode on that platform, territory and day (whatever
 * the work's policy: a licensed use is never taken down); else `tracked` when
 * the work's policy in force only tracks, else `case_opened`. An ownership
 * query gets no verdict.
 */
@Injectable()
export class UseVerdicts {
  constructor(
    private readonly registrations: RegistrationRepository,
    private readonly accounts: AccountRepository,
    private readonly licences: LicenceRepository,
    private readonly policies: PolicyRepository,
  ) {}

  async decide(clip: ClipEntity, matches: readonly EpisodeMatch[]): Promise<Map<string, Verdict>> {
    const registrations = await this.registrations.findByIds(matches.map((m) => m.episode));
    const licensee = await this.accounts.uploaderLicensee(clip);
    // Episodes of one work share its policies: read once per work, not per matched episode.
    const policiesOf = new Map<string, ReturnType<PolicyRepository['forWork']>>();
    const out = new Map<string, Verdict>();
    for (const registration of registrations) {
      if (clip.purpose === 'ownership_query') {
        out.set(registration.id, { registration, verdict: null, licenceId: null, policy: null });
        continue;
      }
      const licenceId = licensee ? await this.coveringLicence(licensee, registration, clip) : null;
      const policy = await this.policyFor(registration, clip, policiesOf);
      const verdict = licenceId ? 'licensed' : policy.action === 'track' ? 'tracked' : 'case_opened';
      out.set(registration.id, { registration, verdict, licenceId, policy });
    }
    return out;
  }

  private async policyFor(registration: RegistrationEntity, clip: ClipEntity, policiesOf: Map<string, ReturnType<PolicyRepository['forWork']>>): Promise<AppliedPolicy> {
    const workId = registration.episode?.workId;
    if (workId && !policiesOf.has(workId)) policiesOf.set(workId, this.policies.forWork(workId));
    return policyInForce(workId ? await policiesOf.get(workId)! : [], { territory: clip.territory, platform: clip.platform });
  }

  private async coveringLicence(licenseeId: string, registration: RegistrationEntity, clip: ClipEntity): Promise<string | null> {
    const episode = registration.episode;
    if (!episode || !clip.platform) return null;
    const use = { episodeNumber: episode.number, platform: clip.platform, territory: clip.territory, on: clip.usedOn };
    return (await this.licences.held(licenseeId, episode.workId)).find((l) => covers(l, use))?.id ?? null;
  }
}
