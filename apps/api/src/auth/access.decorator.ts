import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiExtension, ApiForbiddenResponse, ApiSecurity, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Role } from '@dramaguard/records';
import { ErrorDto } from '../dtos/error.dto';

export const ROLES_KEY = 'dramaguard:roles';
export const PUBLIC_KEY = 'dramaguard:public';
/** OpenAPI extension listing who may call an operation; `describeAccess` turns it into the "Roles:" line. */
export const ACCESS_EXTENSION = 'x-roles';
export const API_KEY_HEADER = 'x-api-key';

/** The roles that may call an endpoint. An endpoint without @Roles or @Public is refused to everyone. */
export function Roles(...roles: [Role, ...Role[]]): MethodDecorator {
  return applyDecorators(
    SetMetadata(ROLES_KEY, roles),
    ApiBearerAuth(),
    ApiSecurity(API_KEY_HEADER),
    ApiExtension(ACCESS_EXTENSION, roles),
    ApiUnauthorizedResponse({ type: ErrorDto, description: 'No API key, or an unknown or revoked one' }),
    ApiForbiddenResponse({ type: ErrorDto, description: 'The account’s role may not call this endpoint' }),
  );
}

/** Callable without an API key. */
export function Public(): MethodDecorator {
  return applyDecorators(SetMetadata(PUBLIC_KEY, true), ApiExtension(ACCESS_EXTENSION, ['public']));
}
