import { useEffect, useMemo, useState } from 'preact/hooks';
import { ApiClient } from './api/api-client';
import { sessionStore } from './api/session-store';
import type { Account } from './api/types';
import { Loading } from './components/states';
import { PAGE_TITLES, ROLE_PAGES } from './lib/role-pages';
import { parseRoute, Route, routeHash } from './lib/routes';
import { AccountsPage } from './pages/accounts.page';
import { AuditPage } from './pages/audit.page';
import { CasePage } from './pages/case.page';
import { CaseQueuePage } from './pages/case-queue.page';
import { ClipsPage } from './pages/clips.page';
import { ConflictsPage } from './pages/conflicts.page';
import { LicencesPage } from './pages/licences.page';
import { OwnershipPage } from './pages/ownership.page';
import type { PageProps } from './pages/page-props';
import { RegistrationPage } from './pages/registration.page';
import { SignInPage } from './pages/sign-in.page';
import { WorkPage } from './pages/work.page';
import { WorksPage } from './pages/works.page';

function useRoute(): Route {
  const [route, setRoute] = useState(parseRoute(location.hash));
  useEffect(() => {
    const onHash = () => setRoute(parseRoute(location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  return route;
}

function Page({ route, ...props }: PageProps & { route: Route }) {
  switch (route.page) {
    case 'home':
      return <Page route={{ page: ROLE_PAGES[props.me.role][0] }} {...props} />;
    case 'cases':
      return <CaseQueuePage {...props} />;
    case 'case':
      return <CasePage id={route.id} {...props} />;
    case 'clips':
      return <ClipsPage {...props} />;
    case 'works':
      return <WorksPage {...props} />;
    case 'work':
      return <WorkPage id={route.id} {...props} />;
    case 'registration':
      return <RegistrationPage id={route.id} {...props} />;
    case 'licences':
      return <LicencesPage {...props} />;
    case 'conflicts':
      return <ConflictsPage {...props} />;
    case 'ownership':
      return <OwnershipPage {...props} />;
    case 'accounts':
      return <AccountsPage {...props} />;
    case 'audit':
      return <AuditPage {...props} />;
  }
}

const ROLE_NAMES = { admin: 'administrator', rights_holder: 'rights holder', reviewer: 'reviewer', licensee: 'licensee' } as const;

export function App() {
  const route = useRoute();
  const [key, setKey] = useState(sessionStore.read());
  const [me, setMe] = useState<Account | null>(null);
  const api = useMemo(() => (key ? new ApiClient(key) : null), [key]);

  useEffect(() => {
    if (!api || me) return;
    api.get<Account>('/accounts/me').then(setMe, () => {
      sessionStore.clear();
      setKey(null);
    });
  }, [api]);

  if (!api) {
    return (
      <SignInPage
        onSignedIn={(k, account) => {
          sessionStore.write(k);
          setMe(account);
          setKey(k);
        }}
      />
    );
  }
  if (!me) return <Loading what="your account" />;

  const go = (r: Route) => (location.hash = routeHash(r));
  const current = route.page === 'home' ? ROLE_PAGES[me.role][0] : route.page;
  return (
    <div class="shell">
      <header>
        <a class="brand" href="#/">
          DramaGuard
        </a>
        <nav>
          {ROLE_PAGES[me.role].map((p) => (
            <a key={p} href={routeHash({ page: p } as Route)} class={current === p || current.startsWith(p.slice(0, -1)) ? 'active' : ''}>
              {PAGE_TITLES[p]}
            </a>
          ))}
        </nav>
        <div class="who">
          <span data-testid="signed-in-as">{me.name}</span> <span class="badge">{ROLE_NAMES[me.role]}</span>
          <button
            type="button"
            class="link"
            onClick={() => {
              sessionStore.clear();
              setMe(null);
              setKey(null);
            }}
          >
            Sign out
          </button>
        </div>
      </header>
      <main>
        <Page route={route} api={api} me={me} go={go} />
      </main>
    </div>
  );
}
