import { Injectable, OnModuleInit } from '@nestjs/common';
import { observeQueues } from '@dramaguard/observability';
import { JobQueue } from '@dramaguard/queue';

/** The api reports the queues' depths: there is one api behind a scrape target, and as many workers as need be. */
@Injectable()
export class QueueGauges implements OnModuleInit {
  constructor(private readonly queue: JobQueue) {}

  onModuleInit(): void {
    // Without Redis the depths are unknown: left out, so the scrape still carries every other metric (readiness says Redis is down).
    observeQueues(() => this.queue.counts().catch(() => ({})));
  }
}
