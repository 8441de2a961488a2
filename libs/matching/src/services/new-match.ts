import type { FusedMatch } from '@dramaguard/audio';
import { AudioEdits, EpisodeMatch, matchEdits } from '@dramaguard/matcher';
import { NewMatch } from '@dramaguard/records';
import { Verdict } from '@dramaguard/rights';

/**
 * The matcher keys episodes by registration id; its reference times are episode
 * times. Its matched-frame counts are weighted by how widely each frame is
 * shared (docs/FINGERPRINT.md, section 7), so fractional; they are stored rounded.
 * The match's edits are worked out once, here, from the geometry the matcher
 * settled, which is not stored otherwise.
 */
export function toNewMatch(m: EpisodeMatch | FusedMatch, v: Pick<Verdict, 'verdict' | 'licenceId' | 'policy'>): NewMatch {
  return {
    registrationId: m.episode,
    verdict: v.verdict,
    licenceId: v.licenceId,
    policy: v.policy,
    score: m.score,
    mirrored: m.mirrored,
    region: { x0: m.region.x0, y0: m.region.y0, x1: m.region.x1, y1: m.region.y1 },
    edits: matchEdits(m, 'audio' in m ? heardEdits(m) : null),
    signals: 'signals' in m ? m.signals : ['picture'],
    audio: 'audio' in m ? m.audio : null,
    segments: m.segments.map((s) => ({
      signals: 'signals' in s ? s.signals : ['picture'],
      clipStart: s.clipStart,
      clipEnd: s.clipEnd,
      episodeStart: s.refStart,
      episodeEnd: s.refEnd,
      speed: s.speed,
      matchedFrames: Math.round(s.matchedFrames),
      score: s.score,
    })),
  };
}

/**
 * What the soundtrack's match measured of its speed and pitch. Only where the
 * soundtrack was matched (it agrees, or it alone found the episode): where it
 * contradicts the picture or is silent, fusion records the picture's speed and
 * no pitch change, nothing measured of the sound.
 */
function heardEdits(m: FusedMatch): AudioEdits | null {
  return m.audio && m.signals.includes('audio') ? { speed: m.audio.speed, pitchChanged: m.audio.pitchChanged } : null;
}
