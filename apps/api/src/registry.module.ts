import { Module } from '@nestjs/common';
import { MediaModule } from '@dramaguard/media';
import { QueueModule } from '@dramaguard/queue';
import { DatabaseModule, REPOSITORIES } from '@dramaguard/records';
import { CaseReportService, CertificateService, CheckpointService, SigningKey } from '@dramaguard/evidence';
import { AccountService, AdminBootstrap, AuditService, CaseService, LicenceService } from '@dramaguard/rights';
import { ClipService, ConflictService, ExclusionService, OwnershipService, QueueBackpressure, RegistrationService, UploadIntake, WorkService } from '@dramaguard/catalogue';

const API_SERVICES = [
  AccountService,
  AuditService,
  WorkService,
  RegistrationService,
  ExclusionService,
  ClipService,
  LicenceService,
  CaseService,
  ConflictService,
  OwnershipService,
  CertificateService,
  CheckpointService,
  CaseReportService,
];

/** What the api needs: accounts, intake of works, episodes and clips, licences, cases, conflicts and the public register. */
@Module({
  imports: [DatabaseModule, MediaModule, QueueModule],
  providers: [...REPOSITORIES, UploadIntake, QueueBackpressure, AdminBootstrap, SigningKey, ...API_SERVICES],
  exports: [...API_SERVICES, MediaModule],
})
export class RegistryModule {}
