import { AccountRepository } from './account.repository';
import { AuditRepository } from './audit.repository';
import { ClipRepository } from './clip.repository';
import { FingerprintRepository } from './fingerprint.repository';
import { MatchRepository } from './match.repository';
import { RegistrationRepository } from './registration.repository';
import { WorkRepository } from './work.repository';

export * from './account.repository';
export * from './audit.repository';
export * from './clip.repository';
export * from './fingerprint.repository';
export * from './match.repository';
export * from './registration.repository';
export * from './work.repository';

export const REPOSITORIES = [
  AccountRepository,
  AuditRepository,
  WorkRepository,
  RegistrationRepository,
  FingerprintRepository,
  ClipRepository,
  MatchRepository,
];
