import type { OpenAPIObject } from '@nestjs/swagger';
import { ACCESS_EXTENSION } from './access.decorator';

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head'] as const;

/**
 * Appends who may call each operation to its description ("Roles: admin,
 * reviewer" or "Public: no API key needed"), from the roles the endpoint
 * declares, so the document cannot drift from what the guard enforces.
 */
export function describeAccess(doc: OpenAPIObject): OpenAPIObject {
  for (const item of Object.values(doc.paths)) {
    for (const method of METHODS) {
      const op = item[method] as (Record<string, unknown> & { description?: string }) | undefined;
      if (!op) continue;
      const roles = op[ACCESS_EXTENSION] as string[] | undefined;
      const line = !roles ? 'Roles: none (closed)' : roles.includes('public') ? 'Public: no API key needed' : `Roles: ${roles.join(', ')}`;
      op.description = op.description ? `${op.description}\n\n${line}` : line;
    }
  }
  return doc;
}
