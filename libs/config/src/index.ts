export * from './app-config';
export * from './config-error';
export * from './config.module';
export * from './executable-path';
export * from './load-config';
export * from './parse-config';
export * from './cli-config';
