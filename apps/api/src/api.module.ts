import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { MulterModule } from '@nestjs/platform-express';
import { APP_CONFIG, AppConfig, ConfigModule } from '@dramaguard/config';
import { LoggingModule, OpsServer } from '@dramaguard/observability';
import { MediaStore } from '@dramaguard/media';
import { RegistryModule } from './registry.module';
import { AccessGuard } from './auth/access.guard';
import { AccountsController } from './controllers/accounts.controller';
import { AuditController } from './controllers/audit.controller';
import { CasesController } from './controllers/cases.controller';
import { ClipsController } from './controllers/clips.controller';
import { ConflictsController } from './controllers/conflicts.controller';
import { DisputesController } from './controllers/disputes.controller';
import { ExclusionsController } from './controllers/exclusions.controller';
import { HealthController } from './controllers/health.controller';
import { KeysController } from './controllers/keys.controller';
import { LicencesController } from './controllers/licences.controller';
import { NoticesController } from './controllers/notices.controller';
import { OwnershipController } from './controllers/ownership.controller';
import { PoliciesController } from './controllers/policies.controller';
import { RegistrationsController } from './controllers/registrations.controller';
import { TransparencyController } from './controllers/transparency.controller';
import { WorksController } from './controllers/works.controller';
import { RequestRateLimiter } from './limits/request-rate-limiter';
import { QueueGauges } from './observability/queue-gauges';
import { UploadCleanupInterceptor } from './upload/upload-cleanup.interceptor';
import { multerOptions } from './upload/multer-options';

@Module({
  imports: [
    ConfigModule,
    LoggingModule.forService('api'),
    RegistryModule,
    MulterModule.registerAsync({
      imports: [RegistryModule],
      inject: [APP_CONFIG, MediaStore],
      useFactory: (config: AppConfig, store: MediaStore) => multerOptions(config, store.incomingDir),
    }),
  ],
  controllers: [
    AccountsController,
    WorksController,
    RegistrationsController,
    ExclusionsController,
    ConflictsController,
    ClipsController,
    CasesController,
    NoticesController,
    DisputesController,
    PoliciesController,
    LicencesController,
    OwnershipController,
    AuditController,
    KeysController,
    TransparencyController,
    HealthController,
  ],
  providers: [UploadCleanupInterceptor, RequestRateLimiter, QueueGauges, OpsServer, { provide: APP_GUARD, useClass: AccessGuard }],
})
export class ApiModule {}
