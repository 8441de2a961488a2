import type { NextFunction, Request, Response } from 'express';
import { httpSeconds, REQUEST_ID_HEADER, requestIdFrom, runTraced } from '@dramaguard/observability';
import { performance } from 'node:perf_hooks';

type TrackedRequest = Request & { id?: string };

/**
 * First thing on every request: its id (the caller's X-Request-Id or a new
 * one), echoed in the response and current for everything the request runs,
 * so the jobs it enqueues carry it; and, once answered, its time by route
 * template (never the raw path, whose ids would make a label per resource).
 */
export function requestTracking(req: TrackedRequest, res: Response, next: NextFunction): void {
  const requestId = requestIdFrom(req.headers[REQUEST_ID_HEADER]);
  req.id = requestId;
  res.setHeader(REQUEST_ID_HEADER, requestId);
  const started = performance.now();
  res.once('finish', () => {
    const route = req.route?.path ? `${req.baseUrl}${String(req.route.path)}` : 'unmatched';
    httpSeconds.observe({ method: req.method, route, status: String(res.statusCode) }, (performance.now() - started) / 1000);
  });
  runTraced({ requestId }, next);
}
