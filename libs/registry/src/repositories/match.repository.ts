import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { ClipMatchEntity, MatchSegmentEntity } from '../entities';

export interface NewMatch {
  readonly registrationId: string;
  readonly score: number;
  readonly mirrored: boolean;
  readonly region: { x0: number; y0: number; x1: number; y1: number };
  readonly segments: ReadonlyArray<Pick<MatchSegmentEntity, 'clipStart' | 'clipEnd' | 'episodeStart' | 'episodeEnd' | 'speed' | 'matchedFrames' | 'score'>>;
}

@Injectable()
export class MatchRepository {
  constructor(private readonly db: DataSource) {}

  /** Replaces a clip's matches, so matching a clip again never duplicates them. */
  async replaceForClip(em: EntityManager, clipId: string, matches: readonly NewMatch[]): Promise<void> {
    await em.delete(ClipMatchEntity, { clipId });
    for (const m of matches) {
      const saved = await em.save(
        em.create(ClipMatchEntity, { clipId, registrationId: m.registrationId, score: m.score, mirrored: m.mirrored, region: m.region }),
      );
      if (m.segments.length) await em.insert(MatchSegmentEntity, m.segments.map((s) => ({ ...s, matchId: saved.id })));
    }
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
