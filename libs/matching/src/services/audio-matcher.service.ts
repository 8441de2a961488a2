import { Injectable } from '@nestjs/common';
import { AudioMatch } from '@dramaguard/audio';
import { FingerprintRepository } from '@dramaguard/records';
import { MatchThread } from '../matching/match-thread.service';
import { AudioSource } from '../matching/match-protocol';

/**
 * Matches a soundtrack (a clip's at every speed correction, or a new
 * episode's) against the soundtracks in this process's index: candidate lines
 * from the index, then verification against the candidates' prints, read from
 * PostgreSQL. Both stages run in the match thread. The caller syncs the index
 * (the picture's match does, and the same rows carry the soundtracks).
 */
@Injectable()
export class AudioMatcher {
  constructor(
    private readonly thread: MatchThread,
    private readonly fingerprints: FingerprintRepository,
  ) {}

  async match(probe: Buffer, exclude?: string): Promise<AudioMatch[]> {
    const candidates = await this.thread.request({ op: 'audio-plan', probe, exclude });
    if (!candidates.length) return [];
    const rows = await this.fingerprints.soundtracksOf([...new Set(candidates.map((c) => c.episode))]);
    const references = new Map<string, AudioSource>(rows.map((r) => [r.registrationId, { audio: r.audio, shares: r.audioShares }]));
    return this.thread.request({ op: 'audio-finish', probe, candidates, references });
  }
}
