import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { DomainError } from '@dramaguard/records';
import { toErrorBody } from './error-mapping';

/** The one place errors become HTTP responses; stack traces go to the log, never to the client. */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly log = new Logger('ApiError');

  constructor(private readonly maxUploadBytes: number) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const body = toErrorBody(exception, this.maxUploadBytes);
    // Our own 5xx (a full queue, an unreachable queue) are conditions, not bugs: one line, no stack.
    if (body.statusCode >= 500 && exception instanceof DomainError) this.log.warn(`${body.error}: ${body.message}`);
    else if (body.statusCode >= 500) this.log.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    const res = host.switchToHttp().getResponse<Response>();
    if (res.headersSent) return;
    if (typeof body.retryAfterSeconds === 'number') res.setHeader('Retry-After', String(body.retryAfterSeconds));
    res.status(body.statusCode).json(body);
  }
}
