import { parseRoute, Route, routeHash } from './routes';

describe('routes', () => {
  it('reads list and detail pages from the hash, and sends anything else home', () => {
    expect(parseRoute('#/cases')).toEqual({ page: 'cases' });
    expect(parseRoute('#/cases/abc')).toEqual({ page: 'case', id: 'abc' });
    expect(parseRoute('#/works/w1')).toEqual({ page: 'work', id: 'w1' });
    expect(parseRoute('#/registrations/r1')).toEqual({ page: 'registration', id: 'r1' });
    expect(parseRoute('')).toEqual({ page: 'home' });
    expect(parseRoute('#/nowhere')).toEqual({ page: 'home' });
    expect(parseRoute('#/audit/x')).toEqual({ page: 'home' });
  });

  it('writes hashes that read back as the same route', () => {
    const routes: Route[] = [{ page: 'home' }, { page: 'audit' }, { page: 'case', id: 'a b' }, { page: 'work', id: 'w' }, { page: 'registration', id: 'r' }];
    for (const r of routes) expect(parseRoute(routeHash(r))).toEqual(r);
  });
});
