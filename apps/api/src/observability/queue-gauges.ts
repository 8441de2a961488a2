import { Injectable, OnModuleInit } from '@nestjs/common';
import { observeQueues } from '@dramaguard/observability';
import { JobQueue } from '@dramaguard/queue';

/** The api reports the queues' depths: there is one api behind a scrape target, and as many workers as need be. */
@Injectable()
export class QueueGauges implements OnModuleInit {
  constructor(private readonly queue: JobQueue) {}

  onModuleInit(): void {
    observeQueues(() => this.queue.counts());
  }
}
