import { Processor, WorkerHost } from '@nestjs/bullmq';
import { JobPayload, MERGES_QUEUE } from '@dramaguard/queue';
import { ClipMergeService } from '@dramaguard/matching';
import { Job } from 'bullmq';
import { runHandler, WORKER_LOCKS } from './bullmq-job-run';

@Processor(MERGES_QUEUE, WORKER_LOCKS)
export class MergeClipProcessor extends WorkerHost {
  constructor(private readonly merges: ClipMergeService) {
    super();
  }

  process(job: Job<JobPayload<'merge-clip'>>): Promise<void> {
    return runHandler(job, () => this.merges.merge(job.data.clipId, job.data.trigger));
  }
}
