import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { APP_CONFIG, AppConfig } from '@dramaguard/config';
import { logOptions } from './log-options';

/** pino behind Nest's Logger: every `new Logger(...)` line of the process becomes a JSON line. */
@Module({})
export class LoggingModule {
  static forService(service: 'api' | 'worker'): DynamicModule {
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRootAsync({
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig) => ({ pinoHttp: logOptions(config.ops.logLevel, service) }),
        }),
      ],
    };
  }
}
