import type { ApiClient } from '../api/api-client';
import type { Account } from '../api/types';
import type { Route } from '../lib/routes';

/** What every page gets: the api as the signed-in account, that account, and navigation. */
export interface PageProps {
  readonly api: ApiClient;
  readonly me: Account;
  readonly go: (route: Route) => void;
}
