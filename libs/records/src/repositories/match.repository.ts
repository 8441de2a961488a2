import { Injectable } from '@nestjs/common';
import type { MatchEdits } from '@dramaguard/matcher';
import { DataSource, EntityManager } from 'typeorm';
import { AppliedPolicy, AudioEvidence, ClipMatchEntity, MatchSegmentEntity, MatchSignal, MatchVerdict } from '../entities';

export interface NewMatch {
  readonly registrationId: string;
  readonly verdict: MatchVerdict | null;
  readonly licenceId: string | null;
  /** The policy in force; null for an ownership query. */
  readonly policy: AppliedPolicy | null;
  readonly score: number;
  readonly mirrored: boolean;
  readonly region: { x0: number; y0: number; x1: number; y1: number };
  readonly edits: MatchEdits;
  readonly segments: ReadonlyArray<Pick<MatchSegmentEntity, 'clipStart' | 'clipEnd' | 'episodeStart' | 'episodeEnd' | 'speed' | 'matchedFrames' | 'score'> & { readonly signals?: MatchSignal[] }>;
  /** Absent: the picture alone found it. */
  readonly signals?: MatchSignal[];
  readonly audio?: AudioEvidence | null;
}

@Injectable()
export class MatchRepository {
  constructor(private readonly db: DataSource) {}

  /** Replaces a clip's matches, so matching a clip again never duplicates them. */
  async replaceForClip(em: EntityManager, clipId: string, matches: readonly NewMatch[]): Promise<ClipMatchEntity[]> {
    await em.delete(ClipMatchEntity, { clipId });
    return this.insert(em, clipId, matches);
  }

  /** Adds one match unless the clip already has one for that registration (a retro-match running twice). */
  async addIfAbsent(em: EntityManager, clipId: string, m: NewMatch): Promise<ClipMatchEntity | null> {
    if (await em.existsBy(ClipMatchEntity, { clipId, registrationId: m.registrationId })) return null;
    const [saved] = await this.insert(em, clipId, [m]);
    return saved;
  }

  /** The matches in one statement, in the given order, and all their segments in another. */
  private async insert(em: EntityManager, clipId: string, matches: readonly NewMatch[]): Promise<ClipMatchEntity[]> {
    if (!matches.length) return [];
    const saved = await em.save(
      matches.map((m) =>
        em.create(ClipMatchEntity, {
          clipId,
          registrationId: m.registrationId,
          score: m.score,
          mirrored: m.mirrored,
          region: m.region,
          edits: m.edits,
          verdict: m.verdict,
          licenceId: m.licenceId,
          policy: m.policy,
          signals: m.signals ?? ['picture'],
          audio: m.audio ?? null,
        }),
      ),
    );
    const segments = matches.flatMap((m, i) => m.segments.map((s) => ({ ...s, signals: s.signals ?? ['picture'], matchId: saved[i].id })));
    if (segments.length) await em.insert(MatchSegmentEntity, segments);
    return saved;
  }

  /** Best first, each with its segments in clip order and the episode, work and registration it matched. */
  findForClip(clipId: string): Promise<ClipMatchEntity[]> {
    return this.db.getRepository(ClipMatchEntity).find({
      where: { clipId },
      relations: { segments: true, registration: { episode: { work: true } } },
      order: { score: 'DESC', segments: { clipStart: 'ASC' } },
    });
  }
}
