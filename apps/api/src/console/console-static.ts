import { ConfigModule, APP_CONFIG, AppConfig } from '@dramaguard/config';
import { ServeStaticModule, ServeStaticModuleOptions } from '@nestjs/serve-static';
import { resolve } from 'node:path';

export const CONSOLE_ROOT = '/console';

/**
 * The web console's built files under /console. They hold no data: every page
 * asks the public API with the signed-in key, so the access guard stays the
 * only gate. Unknown paths under /console get index.html (the app routes them).
 */
export function consoleStaticOptions(config: AppConfig): ServeStaticModuleOptions[] {
  return [{ rootPath: resolve(config.consoleDir), serveRoot: CONSOLE_ROOT, serveStaticOptions: { index: 'index.html', redirect: true } }];
}

export const ConsoleStaticModule = ServeStaticModule.forRootAsync({
  imports: [ConfigModule],
  inject: [APP_CONFIG],
  useFactory: consoleStaticOptions,
});
