import { Processor, WorkerHost } from '@nestjs/bullmq';
import { EPISODES_QUEUE, JobPayload } from '@dramaguard/queue';
import { FingerprintService } from '@dramaguard/matching';
import { Job } from 'bullmq';
import { jobRun, runHandler, WORKER_LOCKS } from './bullmq-job-run';

@Processor(EPISODES_QUEUE, WORKER_LOCKS)
export class FingerprintEpisodeProcessor extends WorkerHost {
  constructor(private readonly fingerprints: FingerprintService) {
    super();
  }

  process(job: Job<JobPayload<'fingerprint-episode'>>): Promise<void> {
    return runHandler(job, () => this.fingerprints.fingerprint(job.data.registrationId, jobRun(job)));
  }
}
