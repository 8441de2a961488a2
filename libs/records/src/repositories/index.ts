import { AccountRepository } from './account.repository';
import { AuditCheckpointRepository } from './audit-checkpoint.repository';
import { AuditRepository } from './audit.repository';
import { CaseRepository } from './case.repository';
import { ClipRepository } from './clip.repository';
import { ConflictRepository } from './conflict.repository';
import { DisputeRepository } from './dispute.repository';
import { ExclusionRepository } from './exclusion.repository';
import { FingerprintRepository } from './fingerprint.repository';
import { LicenceRepository } from './licence.repository';
import { MatchRepository } from './match.repository';
import { PolicyRepository } from './policy.repository';
import { RegistrationRepository } from './registration.repository';
import { ShardAnswerRepository } from './shard-answer.repository';
import { WorkRepository } from './work.repository';

export * from './account.repository';
export * from './audit-checkpoint.repository';
export * from './audit.repository';
export * from './case.repository';
export * from './clip.repository';
export * from './conflict.repository';
export * from './dispute.repository';
export * from './exclusion.repository';
export * from './fingerprint.repository';
export * from './licence.repository';
export * from './match.repository';
export * from './policy.repository';
export * from './registration.repository';
export * from './shard-answer.repository';
export * from './work.repository';

export const REPOSITORIES = [
  AccountRepository,
  AuditRepository,
  AuditCheckpointRepository,
  WorkRepository,
  RegistrationRepository,
  FingerprintRepository,
  ExclusionRepository,
  ClipRepository,
  MatchRepository,
  LicenceRepository,
  CaseRepository,
  ConflictRepository,
  ShardAnswerRepository,
  PolicyRepository,
  DisputeRepository,
];
