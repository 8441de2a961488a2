import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { toErrorBody } from './error-mapping';

/** The one place errors become HTTP responses; stack traces go to the log, never to the client. */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly log = new Logger('ApiError');

  constructor(private readonly maxUploadBytes: number) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const body = toErrorBody(exception, this.maxUploadBytes);
    if (body.statusCode >= 500) this.log.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    const res = host.switchToHttp().getResponse<Response>();
    if (res.headersSent) return;
    res.status(body.statusCode).json(body);
  }
}
