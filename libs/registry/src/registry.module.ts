import { Module } from '@nestjs/common';
import { MediaModule } from '@dramaguard/media';
import { QueueModule } from '@dramaguard/queue';
import { DatabaseModule } from './database.module';
import { REPOSITORIES } from './repositories';
import { ClipService } from './services/clip.service';
import { RegistrationService } from './services/registration.service';
import { UploadIntake } from './services/upload-intake.service';
import { WorkService } from './services/work.service';

/** What the api needs: intake of works, episodes and clips, and reading them back. */
@Module({
  imports: [DatabaseModule, MediaModule, QueueModule],
  providers: [...REPOSITORIES, UploadIntake, WorkService, RegistrationService, ClipService],
  exports: [WorkService, RegistrationService, ClipService, MediaModule],
})
export class RegistryModule {}
