import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { READINESS } from '@dramaguard/observability';
import { PdfModule } from '@dramaguard/pdf';
import { ReadinessService } from '@dramaguard/matching';
import { MediaModule } from '@dramaguard/media';
import { QueueModule } from '@dramaguard/queue';
import { DatabaseModule, REPOSITORIES } from '@dramaguard/records';
import { DisputeDeadlineService, DisputeService } from '@dramaguard/disputes';
import { CaseReportService, CertificateService, CheckpointService, DisputeTokens, SigningKey, TakedownNoticeService } from '@dramaguard/evidence';
import { AccountService, AdminBootstrap, AuditService, CaseService, LicenceService, PolicyService } from '@dramaguard/rights';
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
  PolicyService,
  TakedownNoticeService,
  DisputeService,
];

/** What the api needs: accounts, intake of works, episodes and clips, licences, policies, cases with their notices and disputes, conflicts and the public register. */
@Module({
  imports: [DatabaseModule, MediaModule, PdfModule, QueueModule, TerminusModule.forRoot({ logger: false })],
  providers: [...REPOSITORIES, UploadIntake, QueueBackpressure, AdminBootstrap, SigningKey, DisputeTokens, DisputeDeadlineService, ...API_SERVICES, ReadinessService, { provide: READINESS, useExisting: ReadinessService }],
  exports: [...API_SERVICES, MediaModule, QueueModule, READINESS],
})
export class RegistryModule {}
