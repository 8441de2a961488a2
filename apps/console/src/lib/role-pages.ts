import type { Role } from '../api/types';
import type { Route } from './routes';

type ListPage = Extract<Route, { page: 'cases' | 'clips' | 'works' | 'licences' | 'conflicts' | 'ownership' | 'accounts' | 'audit' }>['page'];

/**
 * The pages each role finds in the navigation, following the access matrix
 * (README, "Accounts, keys and roles"). It only shapes the menu: the api
 * refuses whatever a role may not do, and the pages show that refusal.
 */
export const ROLE_PAGES: Record<Role, readonly ListPage[]> = {
  admin: ['cases', 'clips', 'works', 'licences', 'conflicts', 'accounts', 'audit', 'ownership'],
  rights_holder: ['works', 'cases', 'licences', 'conflicts', 'ownership'],
  reviewer: ['cases', 'clips', 'works', 'ownership'],
  licensee: ['ownership', 'licences'],
};

export const PAGE_TITLES: Record<ListPage, string> = {
  cases: 'Cases',
  clips: 'Suspect clips',
  works: 'Works',
  licences: 'Licences',
  conflicts: 'Conflicts',
  ownership: 'Who owns this?',
  accounts: 'Accounts & keys',
  audit: 'Audit log',
};
