import type { HealthCheckResult } from '@nestjs/terminus';

/** Whether this process can do its work now: the api answers, a worker takes jobs. */
export interface Readiness {
  check(): Promise<HealthCheckResult>;
}

export const READINESS = Symbol('READINESS');
