import type { NextFunction, Request, Response } from 'express';

const CONSOLE_POLICY = "default-src 'self'; img-src 'self' blob: data:; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/**
 * Headers for a JSON API that browsers should neither sniff, frame nor embed.
 * The OpenAPI page under /docs and the admins' queue dashboard run scripts of
 * their own, so they keep everything but the content security policy. The
 * console under /console runs only its own files; evidence images reach it as
 * blob: URLs, because an <img> cannot send the API key.
 */
export function securityHeaders(req: Request, res: Response, next: NextFunction): void {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
  if (req.path === '/console' || req.path.startsWith('/console/')) res.setHeader('Content-Security-Policy', CONSOLE_POLICY);
  else if (!req.path.startsWith('/docs') && !req.path.startsWith('/admin/queues')) res.setHeader('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'");
  next();
}
