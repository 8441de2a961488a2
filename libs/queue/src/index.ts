export * from './job-queue.service';
export * from './job-run';
export * from './jobs';
export * from './queue.module';
export * from './queue-connection';
export * from './periodic';
