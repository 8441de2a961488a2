import { AccountEntity } from './account.entity';
import { ApiKeyEntity } from './api-key.entity';
import { AuditCheckpointEntity } from './audit-checkpoint.entity';
import { AuditEntryEntity } from './audit-entry.entity';
import { CaseNoteEntity } from './case-note.entity';
import { ClipMatchEntity } from './clip-match.entity';
import { ClipEntity } from './clip.entity';
import { ConflictMatchEntity } from './conflict-match.entity';
import { DisputeEntity } from './dispute.entity';
import { EpisodeEntity } from './episode.entity';
import { FingerprintEntity } from './fingerprint.entity';
import { LicenceEntity } from './licence.entity';
import { MatchSegmentEntity } from './match-segment.entity';
import { PlatformAccountEntity } from './platform-account.entity';
import { PolicyEntity } from './policy.entity';
import { ReferenceExclusionEntity } from './reference-exclusion.entity';
import { RegistrationConflictEntity } from './registration-conflict.entity';
import { RegistrationEntity } from './registration.entity';
import { ReviewCaseEntity } from './review-case.entity';
import { ShardAnswerEntity } from './shard-answer.entity';
import { WorkEntity } from './work.entity';

export {
  AccountEntity,
  ApiKeyEntity,
  AuditCheckpointEntity,
  AuditEntryEntity,
  CaseNoteEntity,
  ClipMatchEntity,
  ClipEntity,
  ConflictMatchEntity,
  DisputeEntity,
  EpisodeEntity,
  FingerprintEntity,
  LicenceEntity,
  MatchSegmentEntity,
  PlatformAccountEntity,
  PolicyEntity,
  ReferenceExclusionEntity,
  RegistrationConflictEntity,
  RegistrationEntity,
  ReviewCaseEntity,
  ShardAnswerEntity,
  WorkEntity,
};
export * from './account.entity';
export * from './clip-match.entity';
export * from './clip.entity';
export * from './conflict-match.entity';
export * from './dispute.entity';
export * from './licence.entity';
export * from './policy.entity';
export * from './reference-exclusion.entity';
export * from './registration-conflict.entity';
export * from './registration.entity';
export * from './review-case.entity';
export * from './shard-answer.entity';

/** Listed explicitly: no globs, so the built output needs no file scanning. */
export const REGISTRY_ENTITIES = [
  AccountEntity,
  ApiKeyEntity,
  PlatformAccountEntity,
  AuditEntryEntity,
  AuditCheckpointEntity,
  WorkEntity,
  EpisodeEntity,
  RegistrationEntity,
  FingerprintEntity,
  ReferenceExclusionEntity,
  RegistrationConflictEntity,
  ConflictMatchEntity,
  LicenceEntity,
  ClipEntity,
  ClipMatchEntity,
  MatchSegmentEntity,
  ReviewCaseEntity,
  CaseNoteEntity,
  ShardAnswerEntity,
  PolicyEntity,
  DisputeEntity,
];
