import type { IncomingMessage, ServerResponse } from 'node:http';
import { stdTimeFunctions } from 'pino';
import type { Options } from 'pino-http';
import type { LogLevel } from '@dramaguard/config';
import { currentTrace } from './trace-context';

/**
 * Headers that carry credentials. Request lines never log headers or bodies
 * at all (see `serializers`); this is the second line of defence for an
 * object someone logs by hand.
 */
const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers["x-api-key"]',
  'req.headers.cookie',
  'headers.authorization',
  'headers["x-api-key"]',
  'headers.cookie',
  'authorization',
  '["x-api-key"]',
  'key',
  'apiKey',
  'privateKey',
];

type Req = Omit<IncomingMessage, 'id'> & { id?: string; originalUrl?: string };

/**
 * JSON lines on stdout: one per finished request (method, path, status,
 * time, request id) and one per log call, inside a worker's job with the
 * job's id, queue and the request id that led to it.
 */
export function logOptions(level: LogLevel, service: 'api' | 'worker'): Options {
  return {
    level,
    base: { service, pid: process.pid },
    timestamp: stdTimeFunctions.isoTime,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    // The id is assigned (and echoed) before any middleware of Nest runs; see the api's request tracking.
    genReqId: (req) => (req as Req).id ?? 'none',
    customAttributeKeys: { reqId: 'requestId' },
    quietReqLogger: true,
    serializers: {
      req: (req: Req) => ({ method: req.method, url: pathOf(req.originalUrl ?? req.url ?? '') }),
      res: (res: ServerResponse) => ({ statusCode: res.statusCode }),
    },
    customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
    // pino-http makes up an error with a stack for every 5xx; the exception filter logs the real one.
    customErrorObject: (_req, _res, _err, line: Record<string, unknown>) => ({ ...line, err: undefined }),
    customErrorMessage: () => 'request failed',
    mixin: jobFields,
  };
}

/** Query strings stay out of the log: a title search is a caller's business. */
function pathOf(url: string): string {
  const q = url.indexOf('?');
  return q < 0 ? url : url.slice(0, q);
}

function jobFields(): Record<string, string> {
  const trace = currentTrace();
  if (!trace?.job) return {};
  return { ...(trace.requestId ? { requestId: trace.requestId } : {}), jobId: trace.job.id, queue: trace.job.queue };
}
