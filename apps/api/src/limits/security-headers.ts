import type { NextFunction, Request, Response } from 'express';

/**
 * Headers for a JSON API that browsers should neither sniff, frame nor embed.
 * The OpenAPI page under /docs and the admins' queue dashboard run scripts of
 * their own, so they keep everything but the content security policy.
 */
export function securityHeaders(req: Request, res: Response, next: NextFunction): void {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
  if (!req.path.startsWith('/docs') && !req.path.startsWith('/admin/queues')) res.setHeader('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'");
  next();
}
