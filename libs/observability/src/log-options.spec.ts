import pino from 'pino';
import { Writable } from 'node:stream';
import { logOptions } from './log-options';
import { runTraced } from './trace-context';

/** A pino logger with the service's options writing into an array of parsed lines. */
function capture(): { logger: pino.Logger; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(JSON.parse(chunk.toString()));
      done();
    },
  });
  const { level, base, redact, mixin, serializers, timestamp } = logOptions('info', 'worker');
  return { logger: pino({ level, base, redact, mixin, serializers, timestamp }, sink), lines };
}

describe('logOptions', () => {
  it('censors credentials wherever someone logs a request or its headers by hand', () => {
    const { logger, lines } = capture();
    logger.info({ headers: { authorization: 'Bearer dg_secret', 'x-api-key': 'dg_other', cookie: 'c=1', accept: 'json' }, apiKey: 'dg_third', privateKey: '-----BEGIN' }, 'hand-made');
    const text = JSON.stringify(lines);
    for (const secret of ['dg_secret', 'dg_other', 'c=1', 'dg_third', '-----BEGIN']) expect(text).not.toContain(secret);
    expect(lines[0]).toMatchObject({ headers: { authorization: '[redacted]', accept: 'json' }, service: 'worker' });
  });

  it("puts a job's id, queue and request id on every line logged inside it, and nothing outside", () => {
    const { logger, lines } = capture();
    runTraced({ requestId: 'req-1', job: { id: 'match-clip.c1', name: 'match-clip', queue: 'clips' } }, () => logger.info('inside'));
    logger.info('outside');
    expect(lines[0]).toMatchObject({ msg: 'inside', requestId: 'req-1', jobId: 'match-clip.c1', queue: 'clips' });
    expect(lines[1]).not.toHaveProperty('requestId');
    expect(lines[1]).not.toHaveProperty('jobId');
    expect(String(lines[0].time)).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('logs a request as method and path only', () => {
    const serialize = logOptions('info', 'api').serializers!.req as (r: unknown) => unknown;
    expect(serialize({ method: 'GET', originalUrl: '/ownership/works?title=secret', headers: { authorization: 'Bearer dg_x' } })).toEqual({ method: 'GET', url: '/ownership/works' });
    expect(serialize({ method: 'GET', url: '/a/b' })).toEqual({ method: 'GET', url: '/a/b' });
  });
});
