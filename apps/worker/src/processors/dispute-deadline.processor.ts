import { Processor, WorkerHost } from '@nestjs/bullmq';
import { DisputeDeadlineService } from '@dramaguard/disputes';
import { DISPUTES_QUEUE, JobPayload } from '@dramaguard/queue';
import { Job } from 'bullmq';
import { runHandler, WORKER_LOCKS } from './bullmq-job-run';

@Processor(DISPUTES_QUEUE, WORKER_LOCKS)
export class DisputeDeadlineProcessor extends WorkerHost {
  constructor(private readonly deadlines: DisputeDeadlineService) {
    super();
  }

  process(job: Job<JobPayload<'dispute-deadline'>>): Promise<void> {
    return runHandler(job, () => this.deadlines.expire(job.data.disputeId));
  }
}
