import { ActiveRegionDetector, FingerprintBuilder, GreyFrame, InsetPictureDetector, RegionHasher } from '@dramaguard/fingerprint';
import { HashIndex } from '@dramaguard/hash-index';
import { CandidateVote } from './candidates';
import { ClipHasher } from './clip-hasher';
import { DEFAULT_MATCHER_OPTIONS } from './matcher-options';
import { ProbeBuilder, probeClip } from './query-probe';

const kept: object[] = [];

/**
 * Keeps one small instance of each class that matching or fingerprinting
 * makes anew for every clip or episode, for as long as the thread lives.
 * V8 compiles a hot function against the hidden classes ("maps") of the
 * objects it has met and holds those maps weakly; a class instance's map is
 * reached from the class only through weak transitions. So a full collection
 * between two clips, when no RegionHasher or CandidateVote is alive, frees
 * their maps and throws away every function compiled against them, to be
 * compiled again on the next clip: about 65 ms more CPU for the clip after
 * each collection (docs/BENCHMARK.md, section 31). A live instance keeps its
 * class's maps, whatever its fields hold.
 */
export function keepShapes(index: HashIndex): void {
  if (kept.length) return;
  const frame: GreyFrame = { width: 32, height: 32, data: new Uint8Array(32 * 32) };
  kept.push(
    new RegionHasher(frame),
    new ActiveRegionDetector(frame.width, frame.height),
    new InsetPictureDetector(frame.width, frame.height),
    new FingerprintBuilder(),
    new ProbeBuilder(),
    // Holding one region, whose class is made anew for every clip's region search too.
    withRegion(new ClipHasher([frame])),
    new CandidateVote(index, probeClip([frame]), DEFAULT_MATCHER_OPTIONS),
  );
}

function withRegion(clip: ClipHasher): ClipHasher {
  clip.region({ x0: 0, y0: 0, x1: 1, y1: 1 }, false).hash(0);
  return clip;
}
