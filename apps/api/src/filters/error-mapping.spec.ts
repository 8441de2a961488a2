import { BadRequestException, NotFoundException, PayloadTooLargeException } from '@nestjs/common';
import { DomainError } from '@dramaguard/records';
import { toErrorBody } from './error-mapping';

describe('toErrorBody', () => {
  it('maps domain errors by code and keeps their details', () => {
    const body = toErrorBody(new DomainError('duplicate_file', 'already registered', { registrationId: 'r1' }), 100);
    expect(body).toEqual({ statusCode: 409, error: 'duplicate_file', message: 'already registered', registrationId: 'r1' });
    expect(toErrorBody(new DomainError('work_not_found', 'x'), 100).statusCode).toBe(404);
    expect(toErrorBody(new DomainError('not_a_video', 'x'), 100).statusCode).toBe(422);
    expect(toErrorBody(new DomainError('invalid_exclusion', 'x'), 100).statusCode).toBe(422);
    expect(toErrorBody(new DomainError('exclusion_not_found', 'x'), 100).statusCode).toBe(404);
    expect(toErrorBody(new DomainError('queue_unavailable', 'x'), 100).statusCode).toBe(503);
  });

  it('does not let details overwrite the status, code or message', () => {
    const body = toErrorBody(new DomainError('file_empty', 'empty', { statusCode: 200, message: 'ok' }), 100);
    expect(body).toMatchObject({ statusCode: 400, error: 'file_empty', message: 'empty' });
  });

  it('joins validation messages', () => {
    const body = toErrorBody(new BadRequestException(['title must be a string', 'year must be an integer']), 100);
    expect(body).toEqual({ statusCode: 400, error: 'bad_request', message: 'title must be a string; year must be an integer' });
    expect(toErrorBody(new NotFoundException('Cannot GET /nope'), 100).error).toBe('not_found');
  });

  it('states the upload limit on an over-size upload', () => {
    expect(toErrorBody(new PayloadTooLargeException('File too large'), 2048)).toEqual({
      statusCode: 413,
      error: 'payload_too_large',
      message: 'the upload exceeds the limit of 2048 bytes',
    });
  });

  it('passes on client errors the body parser marks as safe to show', () => {
    const parseError = Object.assign(new SyntaxError('Unexpected token } in JSON'), { status: 400, expose: true });
    expect(toErrorBody(parseError, 1)).toEqual({ statusCode: 400, error: 'bad_request', message: 'Unexpected token } in JSON' });
  });

  it('hides everything about unexpected failures', () => {
    const body = toErrorBody(new Error('connection refused at 10.0.0.3:5432'), 1);
    expect(body).toEqual({ statusCode: 500, error: 'internal_error', message: 'internal server error' });
    expect(toErrorBody(Object.assign(new Error('x'), { status: 500, expose: true }), 1).statusCode).toBe(500);
  });
});
