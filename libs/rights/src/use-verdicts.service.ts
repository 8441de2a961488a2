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
    if (clip.purpose === 'ownership_query') {
      const registrations = await this.registrations.findByIds(matches.map((m) => m.episode));
      return new Map(registrations.map((registration) => [registration.id, { registration, verdict: null, licenceId: null, policy: null }]));
    }
    const [registrations, licensee] = await Promise.all([this.registrations.findByIds(matches.map((m) => m.episode)), this.accounts.uploaderLicensee(clip)]);
    // Episodes of one work share its policies: every matched work's, read at once.
    const policiesOf = await this.policies.forWorks([...new Set(registrations.flatMap((r) => (r.episode ? [r.episode.workId] : [])))]);
    const out = new Map<string, Verdict>();
    for (const registration of registrations) {
      const licenceId = licensee ? await this.coveringLicence(licensee, registration, clip) : null;
      const workId = registration.episode?.workId;
      const policy = policyInForce((workId && policiesOf.get(workId)) || [], { territory: clip.territory, platform: clip.platform });
      const verdict = licenceId ? 'licensed' : policy.action === 'track' ? 'tracked' : 'case_opened';
      out.set(registration.id, { registration, verdict, licenceId, policy });
    }
    return out;
  }

  private async coveringLicence(licenseeId: string, registration: RegistrationEntity, clip: ClipEntity): Promise<string | null> {
    const episode = registration.episode;
    if (!episode || !clip.platform) return null;
    const use = { episodeNumber: episode.number, platform: clip.platform, territory: clip.territory, on: clip.usedOn };
    return (await this.licences.held(licenseeId, episode.workId)).find((l) => covers(l, use))?.id ?? null;
  }
}
