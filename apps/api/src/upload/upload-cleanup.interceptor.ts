import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { MediaStore } from '@dramaguard/media';
import type { Request } from 'express';
import { Observable, finalize } from 'rxjs';
import { ReceivedFile } from './incoming-upload';

/**
 * Whatever happens to a request, its upload does not stay in `incoming/`: a
 * kept file was already moved to its content address, and a refused one is
 * deleted here, including refusals by validation before any service ran.
 * Must be listed before FileInterceptor so it wraps it.
 */
@Injectable()
export class UploadCleanupInterceptor implements NestInterceptor {
  constructor(private readonly store: MediaStore) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<Request & { file?: ReceivedFile }>();
    return next.handle().pipe(
      finalize(() => {
        if (req.file?.path) void this.store.discardIncoming(req.file.path).catch(() => undefined);
      }),
    );
  }
}
