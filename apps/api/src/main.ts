import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { APP_CONFIG, AppConfig } from '@dramaguard/config';
import { Logger as PinoLogger } from 'nestjs-pino';
import { configureApi } from './api-app';
import { ApiModule } from './api.module';

async function bootstrap(): Promise<void> {
  const app = await NestFactory.create(ApiModule, { bufferLogs: true });
  app.useLogger(app.get(PinoLogger));
  configureApi(app);
  const { host, port } = app.get<AppConfig>(APP_CONFIG).http;
  await app.listen(port, host);
  Logger.log(`api listening on ${await app.getUrl()} (OpenAPI at /docs)`, 'Bootstrap');
}

bootstrap().catch((e: Error) => {
  console.error(e.message);
  process.exit(1);
});
