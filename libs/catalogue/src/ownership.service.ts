import { Injectable } from '@nestjs/common';
import { Caller, LicenceService } from '@dramaguard/rights';
import { ClipMatchEntity, DomainError, Page, PageRequest, pageWindow, RegistrationEntity, RegistrationRepository, WorkEntity, WorkRepository } from '@dramaguard/records';
import { ClipService, ClipUse, ClipWithMatches } from './clip.service';
import { IncomingUpload } from './upload-rules';

export interface OwnershipAnswer {
  readonly match: ClipMatchEntity;
  /** The caller's licence that covers the clip's use, or null. */
  readonly licenceId: string | null;
}

export interface OwnershipQueryResult {
  readonly query: ClipWithMatches;
  readonly answers: OwnershipAnswer[];
}

/**
 * The public register, as licensees (and everyone else with a key) query it:
 * who owns a registration, a title, or the footage in a clip. Only registered
 * episodes are part of it; nothing private (files, fingerprints, licences of
 * others, cases) is in the answers.
 */
@Injectable()
export class OwnershipService {
  constructor(
    private readonly registrations: RegistrationRepository,
    private readonly works: WorkRepository,
    private readonly clips: ClipService,
    private readonly licences: LicenceService,
  ) {}

  async byNumber(number: string): Promise<RegistrationEntity> {
    const registration = await this.registrations.findByNumber(number);
    if (!registration || registration.status !== 'registered') throw new DomainError('registration_not_found', `no registration numbered ${number}`);
    return registration;
  }

  /** Works whose title contains the text, each with its registered episodes only. */
  async searchTitle(text: string, request: PageRequest): Promise<Page<WorkEntity>> {
    const { page, pageSize, offset } = pageWindow(request);
    const [found, total] = await this.works.searchByTitle(text, offset, pageSize);
    const items = found.map((w) => ({ ...w, episodes: (w.episodes ?? []).filter((e) => e.registration?.status === 'registered') }));
    return { items, total, page, pageSize };
  }

  /** Queues the caller's clip; the answer is ready once its status is done. */
  async submitClip(caller: Caller, upload: IncomingUpload | undefined, use: ClipUse): Promise<OwnershipQueryResult> {
    const clip = await this.clips.submit(caller, upload, use, 'ownership_query');
    return { query: { clip, matches: [], cases: [], shardsAnswered: [] }, answers: [] };
  }

  /** Who owns each episode found in the caller's clip, and whether one of the caller's licences covers the stated use. */
  async clipAnswer(caller: Caller, id: string): Promise<OwnershipQueryResult> {
    const query = await this.clips.get(id, 'ownership_query', caller.id);
    const answers: OwnershipAnswer[] = [];
    for (const match of query.matches) {
      const episode = match.registration?.episode;
      const platform = query.clip.platform;
      const licence =
        episode && platform
          ? await this.licences.covering(caller.id, episode.workId, { episodeNumber: episode.number, platform, territory: query.clip.territory, on: query.clip.usedOn })
          : null;
      answers.push({ match, licenceId: licence?.id ?? null });
    }
    return { query, answers };
  }
}
