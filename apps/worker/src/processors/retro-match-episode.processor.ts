import { Processor, WorkerHost } from '@nestjs/bullmq';
import { JobPayload, RETRO_QUEUE } from '@dramaguard/queue';
import { RetroMatchService } from '@dramaguard/matching';
import { Job } from 'bullmq';
import { jobRun, runHandler, WORKER_LOCKS } from './bullmq-job-run';

@Processor(RETRO_QUEUE, WORKER_LOCKS)
export class RetroMatchEpisodeProcessor extends WorkerHost {
  constructor(private readonly retro: RetroMatchService) {
    super();
  }

  process(job: Job<JobPayload<'retro-match-episode'>>): Promise<void> {
    return runHandler(job, async () => {
      await this.retro.retroMatch(job.data.registrationId, jobRun(job));
    });
  }
}
