import { AccountEntity } from './account.entity';
import { ApiKeyEntity } from './api-key.entity';
import { AuditEntryEntity } from './audit-entry.entity';
import { ClipMatchEntity } from './clip-match.entity';
import { ClipEntity } from './clip.entity';
import { EpisodeEntity } from './episode.entity';
import { FingerprintEntity } from './fingerprint.entity';
import { MatchSegmentEntity } from './match-segment.entity';
import { PlatformAccountEntity } from './platform-account.entity';
import { RegistrationEntity } from './registration.entity';
import { WorkEntity } from './work.entity';

export {
  AccountEntity,
  ApiKeyEntity,
  AuditEntryEntity,
  ClipMatchEntity,
  ClipEntity,
  EpisodeEntity,
  FingerprintEntity,
  MatchSegmentEntity,
  PlatformAccountEntity,
  RegistrationEntity,
  WorkEntity,
};
export * from './account.entity';
export * from './clip.entity';
export * from './registration.entity';

/** Listed explicitly: no globs, so the built output needs no file scanning. */
export const REGISTRY_ENTITIES = [
  AccountEntity,
  ApiKeyEntity,
  PlatformAccountEntity,
  AuditEntryEntity,
  WorkEntity,
  EpisodeEntity,
  RegistrationEntity,
  FingerprintEntity,
  ClipEntity,
  ClipMatchEntity,
  MatchSegmentEntity,
];
