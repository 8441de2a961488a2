import type { OpenAPIObject } from '@nestjs/swagger';
import { describeAccess } from './describe-access';

const doc = (paths: Record<string, unknown>): OpenAPIObject => ({ openapi: '3.0.0', info: { title: 't', version: '1' }, paths }) as OpenAPIObject;

describe('describeAccess', () => {
  it('adds the roles line after any description', () => {
    const out = describeAccess(doc({ '/a': { get: { description: 'Lists a.', 'x-roles': ['admin', 'reviewer'] }, post: { 'x-roles': ['admin'] } } }));
    expect(out.paths['/a'].get?.description).toBe('Lists a.\n\nRoles: admin, reviewer');
    expect(out.paths['/a'].post?.description).toBe('Roles: admin');
  });

  it('marks public operations and operations that declare nothing', () => {
    const out = describeAccess(doc({ '/h': { get: { 'x-roles': ['public'] } }, '/x': { get: {} } }));
    expect(out.paths['/h'].get?.description).toBe('Public: no API key needed');
    expect(out.paths['/x'].get?.description).toBe('Roles: none (closed)');
  });
});
