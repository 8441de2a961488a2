import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { MediaStore } from '@dramaguard/media';
import type { Request } from 'express';
import { catchError, concatMap, from, Observable, throwError } from 'rxjs';
import { ReceivedFile } from './incoming-upload';

/**
 * Whatever happens to a request, its upload does not stay in `incoming/`: a
 * kept file was already moved to its content address, and a refused one is
 * deleted here, including refusals by validation before any service ran. The
 * response waits for the deletion, so a client never sees a leftover.
 * Must be listed before FileInterceptor so it wraps it.
 */
@Injectable()
export class UploadCleanupInterceptor implements NestInterceptor {
  constructor(private readonly store: MediaStore) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<Request & { file?: ReceivedFile }>();
    const discard = async (): Promise<void> => {
      if (req.file?.path) await this.store.discardIncoming(req.file.path);
    };
    return next.handle().pipe(
      concatMap(async (value) => {
        await discard();
        return value;
      }),
      catchError((e: unknown) => from(discard()).pipe(concatMap(() => throwError(() => e)))),
    );
  }
}
