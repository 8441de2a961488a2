import { Processor, WorkerHost } from '@nestjs/bullmq';
import { CLIPS_QUEUE, JobPayload } from '@dramaguard/queue';
import { MatchService } from '@dramaguard/matching';
import { Job } from 'bullmq';
import { jobRun, runHandler, WORKER_LOCKS } from './bullmq-job-run';

@Processor(CLIPS_QUEUE, WORKER_LOCKS)
export class MatchClipProcessor extends WorkerHost {
  constructor(private readonly matches: MatchService) {
    super();
  }

  process(job: Job<JobPayload<'match-clip'>>): Promise<void> {
    return runHandler(job, () => this.matches.match(job.data.clipId, jobRun(job)));
  }
}
