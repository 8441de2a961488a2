import { ClipMatchEntity } from './clip-match.entity';
import { ClipEntity } from './clip.entity';
import { EpisodeEntity } from './episode.entity';
import { FingerprintEntity } from './fingerprint.entity';
import { MatchSegmentEntity } from './match-segment.entity';
import { RegistrationEntity } from './registration.entity';
import { WorkEntity } from './work.entity';

export { ClipMatchEntity, ClipEntity, EpisodeEntity, FingerprintEntity, MatchSegmentEntity, RegistrationEntity, WorkEntity };
export * from './clip.entity';
export * from './registration.entity';

/** Listed explicitly: no globs, so the built output needs no file scanning. */
export const REGISTRY_ENTITIES = [WorkEntity, EpisodeEntity, RegistrationEntity, FingerprintEntity, ClipEntity, ClipMatchEntity, MatchSegmentEntity];
