import { Module } from '@nestjs/common';
import { MediaModule } from '@dramaguard/media';
import { QueueModule } from '@dramaguard/queue';
import { DatabaseModule } from './database.module';
import { REPOSITORIES } from './repositories';
import { AccountService } from './services/account.service';
import { AdminBootstrap } from './services/admin-bootstrap.service';
import { AuditService } from './services/audit.service';
import { ClipService } from './services/clip.service';
import { RegistrationService } from './services/registration.service';
import { UploadIntake } from './services/upload-intake.service';
import { WorkService } from './services/work.service';

/** What the api needs: intake of works, episodes and clips, and reading them back. */
@Module({
  imports: [DatabaseModule, MediaModule, QueueModule],
  providers: [...REPOSITORIES, UploadIntake, AccountService, AdminBootstrap, AuditService, WorkService, RegistrationService, ClipService],
  exports: [AccountService, AuditService, WorkService, RegistrationService, ClipService, MediaModule],
})
export class RegistryModule {}
