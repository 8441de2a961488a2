import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Caller } from '@dramaguard/rights';
import type { AuthenticatedRequest } from './access.guard';

/** The authenticated caller the guard attached to the request. */
export const CurrentCaller = createParamDecorator((_: unknown, context: ExecutionContext): Caller => {
  const caller = context.switchToHttp().getRequest<AuthenticatedRequest>().caller;
  if (!caller) throw new Error('CurrentCaller used on an endpoint the access guard did not authenticate');
  return caller;
});
