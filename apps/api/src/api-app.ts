import { INestApplication, ValidationPipe } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { APP_CONFIG, AppConfig } from '@dramaguard/config';
import { API_KEY_HEADER } from './auth/access.decorator';
import { describeAccess } from './auth/describe-access';
import { serveConsole } from './console/console-static';
import { ApiExceptionFilter } from './filters/api-exception.filter';
import { securityHeaders } from './limits/security-headers';
import { mountQueueDashboard } from './observability/queue-dashboard';
import { requestTracking } from './observability/request-tracking';

/** Everything about the HTTP surface that is not a controller: validation, errors, OpenAPI, the console's files. Shared by main and the e2e tests. */
export function configureApi(app: INestApplication): INestApplication {
  const config = app.get<AppConfig>(APP_CONFIG);
  app.useGlobalPipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }));
  app.useGlobalFilters(new ApiExceptionFilter(config.limits.maxUploadBytes));
  app.use(requestTracking);
  app.use(securityHeaders);
  mountQueueDashboard(app);
  serveConsole(app, config);
  (app.getHttpAdapter().getInstance() as { disable(setting: string): void }).disable('x-powered-by');
  app.enableShutdownHooks();
  const doc = new DocumentBuilder()
    .setTitle('DramaGuard')
    .setDescription('Registration of micro short dramas and matching of suspect clips against them')
    .setVersion('0.1.0')
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'An API key: Authorization: Bearer dg_…' })
    .addApiKey({ type: 'apiKey', in: 'header', name: API_KEY_HEADER, description: 'The same API key, in the x-api-key header' }, API_KEY_HEADER)
    .build();
  SwaggerModule.setup('docs', app, () => describeAccess(SwaggerModule.createDocument(app, doc)), { jsonDocumentUrl: 'docs-json' });
  return app;
}
