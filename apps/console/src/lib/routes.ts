/** The console's pages, addressed by the URL's hash so that the api only ever serves index.html. */
export type Route =
  | { page: 'home' }
  | { page: 'cases' }
  | { page: 'case'; id: string }
  | { page: 'clips' }
  | { page: 'works' }
  | { page: 'work'; id: string }
  | { page: 'registration'; id: string }
  | { page: 'licences' }
  | { page: 'conflicts' }
  | { page: 'ownership' }
  | { page: 'accounts' }
  | { page: 'audit' };

const LISTS = ['cases', 'clips', 'works', 'licences', 'conflicts', 'ownership', 'accounts', 'audit'] as const;
const DETAILS = { cases: 'case', works: 'work', registrations: 'registration' } as const;

/** The route a hash such as "#/cases/<id>" names; unknown hashes go home. */
export function parseRoute(hash: string): Route {
  const [first, second] = hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  if (first && second && first in DETAILS) return { page: DETAILS[first as keyof typeof DETAILS], id: decodeURIComponent(second) };
  if (first && !second && (LISTS as readonly string[]).includes(first)) return { page: first as (typeof LISTS)[number] };
  return { page: 'home' };
}

/** The hash of a route, the inverse of parseRoute. */
export function routeHash(route: Route): string {
  switch (route.page) {
    case 'home':
      return '#/';
    case 'case':
      return `#/cases/${encodeURIComponent(route.id)}`;
    case 'work':
      return `#/works/${encodeURIComponent(route.id)}`;
    case 'registration':
      return `#/registrations/${encodeURIComponent(route.id)}`;
    default:
      return `#/${route.page}`;
  }
}
