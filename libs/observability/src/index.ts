export * from './job-trace';
export * from './log-options';
export * from './logging.module';
export * from './metrics';
export * from './ops-server.service';
export * from './readiness';
export * from './request-id';
export * from './trace-context';
