import { Processor, WorkerHost } from '@nestjs/bullmq';
import { EPISODES_QUEUE, JobPayload } from '@dramaguard/queue';
import { FingerprintService } from '@dramaguard/registry';
import { Job } from 'bullmq';
import { JOB_LOCK_MS, jobRun, runHandler } from './bullmq-job-run';

@Processor(EPISODES_QUEUE, { lockDuration: JOB_LOCK_MS })
export class FingerprintEpisodeProcessor extends WorkerHost {
  constructor(private readonly fingerprints: FingerprintService) {
    super();
  }

  process(job: Job<JobPayload<'fingerprint-episode'>>): Promise<void> {
    return runHandler(() => this.fingerprints.fingerprint(job.data.registrationId, jobRun(job)));
  }
}
