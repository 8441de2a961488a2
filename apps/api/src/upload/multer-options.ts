import type { AppConfig } from '@dramaguard/config';
import type { MulterOptions } from '@nestjs/platform-express/multer/interfaces/multer-options.interface';

/**
 * Uploads stream to disk in the media store's `incoming/` directory, never
 * into memory. One file per request; `preservePath` keeps any directory part
 * of the client's file name so it can be refused instead of silently dropped.
 */
export function multerOptions(config: AppConfig, incomingDir: string): MulterOptions {
  return {
    dest: incomingDir,
    preservePath: true,
    defParamCharset: 'utf8',
    limits: { fileSize: config.limits.maxUploadBytes, files: 1, fields: 20, fieldSize: 64 * 1024, parts: 21 },
  };
}
