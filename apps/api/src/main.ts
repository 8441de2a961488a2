import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { APP_CONFIG, AppConfig } from '@dramaguard/config';
import { configureApi } from './api-app';
import { ApiModule } from './api.module';

async function bootstrap(): Promise<void> {
  const app = configureApi(await NestFactory.create(ApiModule, { bufferLogs: false }));
  const { host, port } = app.get<AppConfig>(APP_CONFIG).http;
  await app.listen(port, host);
  Logger.log(`api listening on ${await app.getUrl()} (OpenAPI at /docs)`, 'Bootstrap');
}

bootstrap().catch((e: Error) => {
  console.error(e.message);
  process.exit(1);
});
