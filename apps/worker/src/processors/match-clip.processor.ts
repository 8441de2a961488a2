import { Processor, WorkerHost } from '@nestjs/bullmq';
import { CLIPS_QUEUE, JobPayload } from '@dramaguard/queue';
import { MatchService } from '@dramaguard/registry';
import { Job } from 'bullmq';
import { JOB_LOCK_MS, jobRun, runHandler } from './bullmq-job-run';

@Processor(CLIPS_QUEUE, { lockDuration: JOB_LOCK_MS })
export class MatchClipProcessor extends WorkerHost {
  constructor(private readonly matches: MatchService) {
    super();
  }

  process(job: Job<JobPayload<'match-clip'>>): Promise<void> {
    return runHandler(() => this.matches.match(job.data.clipId, jobRun(job)));
  }
}
