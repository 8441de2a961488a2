import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { AppConfig } from '@dramaguard/config';
import { resolve } from 'node:path';

/**
 * The web console's built files under /console. They hold no data: every page
 * asks the public API with the signed-in key, so the access guard stays the
 * only gate. The console routes by the URL's hash, so no fallback to
 * index.html is needed. (Express's static middleware rather than
 * @nestjs/serve-static, whose loader is picked before a testing module has an
 * HTTP adapter and then serves nothing in the e2e stack.)
 */
export function serveConsole(app: INestApplication, config: AppConfig): void {
  (app as NestExpressApplication).useStaticAssets(resolve(config.consoleDir), { prefix: '/console', index: 'index.html', redirect: true, fallthrough: true });
}
