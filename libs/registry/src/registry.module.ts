import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { READINESS } from '@dramaguard/observability';
import { MediaModule } from '@dramaguard/media';
import { PdfModule } from '@dramaguard/pdf';
import { QueueModule } from '@dramaguard/queue';
import { DatabaseModule } from './database.module';
import { ReadinessService } from './health/readiness.service';
import { REPOSITORIES } from './repositories';
import { CaseReportService } from './evidence/case-report.service';
import { CertificateService } from './evidence/certificate.service';
import { CheckpointService } from './evidence/checkpoint.service';
import { SigningKey } from './evidence/signing-key.service';
import { AccountService } from './services/account.service';
import { AdminBootstrap } from './services/admin-bootstrap.service';
import { AuditService } from './services/audit.service';
import { CaseService } from './services/case.service';
import { ClipService } from './services/clip.service';
import { ConflictService } from './services/conflict.service';
import { ExclusionService } from './services/exclusion.service';
import { LicenceService } from './services/licence.service';
import { OwnershipService } from './services/ownership.service';
import { QueueBackpressure } from './services/queue-backpressure.service';
import { RegistrationService } from './services/registration.service';
import { UploadIntake } from './services/upload-intake.service';
import { WorkService } from './services/work.service';

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
  imports: [DatabaseModule, MediaModule, PdfModule, QueueModule, TerminusModule.forRoot({ logger: false })],
  providers: [...REPOSITORIES, UploadIntake, QueueBackpressure, AdminBootstrap, SigningKey, ...API_SERVICES, ReadinessService, { provide: READINESS, useExisting: ReadinessService }],
  exports: [...API_SERVICES, MediaModule, QueueModule, ReadinessService, READINESS],
})
export class RegistryModule {}
