import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { RequestMethod } from '@nestjs/common';
import request from 'supertest';
import { PUBLIC_KEY, ROLES_KEY } from '../apps/api/src/auth/access.decorator';
import { createWork, matchClip, registerEpisode } from './support/api-calls';
import { fixtures } from './support/fixtures';
import { httpClient } from './support/http-client';
import { TestAccount, TestStack } from './support/test-stack';

type Role = 'admin' | 'rights_holder' | 'reviewer' | 'licensee';
type Who = 'admin' | 'holder' | 'otherHolder' | 'reviewer' | 'licensee' | 'none' | 'revoked';

const ROLE_OF: Record<Exclude<Who, 'none' | 'revoked'>, Role> = {
  admin: 'admin',
  holder: 'rights_holder',
  otherHolder: 'rights_holder',
  reviewer: 'reviewer',
  licensee: 'licensee',
};
const EVERY_ROLE: Role[] = ['admin', 'rights_holder', 'reviewer', 'licensee'];
const PRINCIPALS: Who[] = ['admin', 'holder', 'otherHolder', 'reviewer', 'licensee', 'none', 'revoked'];

/**
 * The expected access to every endpoint, written here independently of the
 * decorators. `roles: 'public'` needs no key. `hiddenFrom`: principals whose
 * role may call the endpoint but who must not see this particular resource
 * (another holder's work, case, licence...), answered 404. Requests that
 * would change state use bodies that fail validation or ids that do not
 * exist, so the matrix leaves the data as it found it.
 */
interface Route {
  readonly method: 'get' | 'post' | 'delete';
  readonly path: string;
  readonly roles: Role[] | 'public';
  readonly hiddenFrom?: Who[];
  /** The url names a resource that does not exist: a principal the guard lets through gets 404. */
  readonly absent?: true;
  readonly url: (ids: Ids) => string;
  readonly body?: object;
  readonly fields?: Record<string, string>;
}

interface Ids {
  holder: string;
  work: string;
  registration: string;
  registrationNumber: string;
  clip: string;
  caseId: string;
  segment: string;
  licence: string;
  conflict: string;
  query: string;
}

const NOPE = '00000000-0000-4000-8000-000000000000';
const STAFF: Role[] = ['admin', 'reviewer'];
const SEES_WORKS: Role[] = ['admin', 'reviewer', 'rights_holder'];

const ROUTES: Route[] = [
  { method: 'get', path: '/health', roles: 'public', url: () => '/health' },
  { method: 'get', path: '/health/live', roles: 'public', url: () => '/health/live' },
  { method: 'get', path: '/health/ready', roles: 'public', url: () => '/health/ready' },
  { method: 'get', path: '/keys/signing', roles: 'public', url: () => '/keys/signing' },
  { method: 'post', path: '/accounts', roles: ['admin'], url: () => '/accounts', body: {} },
  { method: 'get', path: '/accounts', roles: ['admin'], url: () => '/accounts' },
  { method: 'get', path: '/accounts/me', roles: EVERY_ROLE, url: () => '/accounts/me' },
  { method: 'get', path: '/accounts/{id}', roles: ['admin'], url: (i) => `/accounts/${i.holder}` },
  { method: 'post', path: '/accounts/{id}/platform-accounts', roles: ['admin'], url: (i) => `/accounts/${i.holder}/platform-accounts`, body: {} },
  { method: 'post', path: '/accounts/{id}/keys', roles: ['admin'], url: (i) => `/accounts/${i.holder}/keys`, body: { label: '' } },
  { method: 'get', path: '/accounts/{id}/keys', roles: ['admin'], url: (i) => `/accounts/${i.holder}/keys` },
  { method: 'delete', path: '/accounts/{id}/keys/{keyId}', roles: ['admin'], absent: true, url: (i) => `/accounts/${i.holder}/keys/${NOPE}` },
  { method: 'post', path: '/works', roles: ['admin', 'rights_holder'], url: () => '/works', body: {} },
  { method: 'get', path: '/works', roles: SEES_WORKS, url: () => '/works' },
  { method: 'get', path: '/works/{id}', roles: SEES_WORKS, hiddenFrom: ['otherHolder'], url: (i) => `/works/${i.work}` },
  {
    method: 'post',
    path: '/works/{id}/episodes',
    roles: ['admin', 'rights_holder'],
    hiddenFrom: ['otherHolder'],
    url: (i) => `/works/${i.work}/episodes`,
    fields: { episodeNumber: '3', title: 'no file' },
  },
  { method: 'get', path: '/registrations/{id}', roles: SEES_WORKS, hiddenFrom: ['otherHolder'], url: (i) => `/registrations/${i.registration}` },
  { method: 'get', path: '/registrations/{id}/certificate', roles: SEES_WORKS, hiddenFrom: ['otherHolder'], url: (i) => `/registrations/${i.registration}/certificate` },
  { method: 'get', path: '/registrations/{id}/certificate.sig', roles: SEES_WORKS, hiddenFrom: ['otherHolder'], url: (i) => `/registrations/${i.registration}/certificate.sig` },
  { method: 'get', path: '/registrations/{id}/certificate.html', roles: SEES_WORKS, hiddenFrom: ['otherHolder'], url: (i) => `/registrations/${i.registration}/certificate.html` },
  {
    method: 'post',
    path: '/registrations/{id}/exclusions',
    roles: ['admin', 'rights_holder'],
    hiddenFrom: ['otherHolder'],
    url: (i) => `/registrations/${i.registration}/exclusions`,
    body: { startSeconds: 5, endSeconds: 1, reason: 'ends before it starts' },
  },
  { method: 'get', path: '/registrations/{id}/exclusions', roles: SEES_WORKS, hiddenFrom: ['otherHolder'], url: (i) => `/registrations/${i.registration}/exclusions` },
  {
    method: 'delete',
    path: '/registrations/{id}/exclusions/{exclusionId}',
    roles: ['admin', 'rights_holder'],
    absent: true,
    url: (i) => `/registrations/${i.registration}/exclusions/${NOPE}`,
  },
  { method: 'get', path: '/conflicts', roles: ['admin', 'rights_holder'], url: () => '/conflicts' },
  { method: 'get', path: '/conflicts/{id}', roles: ['admin', 'rights_holder'], hiddenFrom: ['otherHolder'], url: (i) => `/conflicts/${i.conflict}` },
  { method: 'post', path: '/conflicts/{id}/resolve', roles: ['admin'], url: (i) => `/conflicts/${i.conflict}/resolve`, body: {} },
  { method: 'post', path: '/clips', roles: STAFF, url: () => '/clips', fields: { platform: 'douyin' } },
  { method: 'get', path: '/clips/{id}', roles: STAFF, url: (i) => `/clips/${i.clip}` },
  { method: 'get', path: '/cases', roles: SEES_WORKS, url: () => '/cases' },
  { method: 'get', path: '/cases/{id}', roles: SEES_WORKS, hiddenFrom: ['otherHolder'], url: (i) => `/cases/${i.caseId}` },
  { method: 'post', path: '/cases/{id}/claim', roles: STAFF, absent: true, url: () => `/cases/${NOPE}/claim` },
  { method: 'post', path: '/cases/{id}/confirm', roles: STAFF, absent: true, url: () => `/cases/${NOPE}/confirm`, body: {} },
  { method: 'post', path: '/cases/{id}/dismiss', roles: STAFF, absent: true, url: () => `/cases/${NOPE}/dismiss`, body: { reason: 'x' } },
  { method: 'post', path: '/cases/{id}/notes', roles: STAFF, absent: true, url: () => `/cases/${NOPE}/notes`, body: { text: 'x' } },
  { method: 'get', path: '/cases/{id}/report', roles: SEES_WORKS, hiddenFrom: ['otherHolder'], url: (i) => `/cases/${i.caseId}/report` },
  { method: 'get', path: '/cases/{id}/report.html', roles: SEES_WORKS, hiddenFrom: ['otherHolder'], url: (i) => `/cases/${i.caseId}/report.html` },
  { method: 'get', path: '/cases/{id}/report.pdf', roles: SEES_WORKS, hiddenFrom: ['otherHolder'], url: (i) => `/cases/${i.caseId}/report.pdf` },
  {
    method: 'get',
    path: '/cases/{id}/evidence/{segmentId}.png',
    roles: SEES_WORKS,
    hiddenFrom: ['otherHolder'],
    url: (i) => `/cases/${i.caseId}/evidence/${i.segment}.png`,
  },
  {
    method: 'post',
    path: '/works/{id}/policies',
    roles: ['admin', 'rights_holder'],
    hiddenFrom: ['otherHolder'],
    url: (i) => `/works/${i.work}/policies`,
    body: { action: 'takedown' },
  },
  { method: 'get', path: '/works/{id}/policies', roles: SEES_WORKS, hiddenFrom: ['otherHolder'], url: (i) => `/works/${i.work}/policies` },
  { method: 'delete', path: '/works/{id}/policies/{policyId}', roles: ['admin', 'rights_holder'], absent: true, url: (i) => `/works/${i.work}/policies/${NOPE}` },
  { method: 'get', path: '/cases/{id}/notice', roles: SEES_WORKS, hiddenFrom: ['otherHolder'], url: (i) => `/cases/${i.caseId}/notice` },
  { method: 'get', path: '/cases/{id}/notice.sig', roles: SEES_WORKS, hiddenFrom: ['otherHolder'], url: (i) => `/cases/${i.caseId}/notice.sig` },
  { method: 'post', path: '/cases/{id}/dispute', roles: ['licensee'], absent: true, url: () => `/cases/${NOPE}/dispute`, body: { reason: 'x' } },
  { method: 'post', path: '/cases/{id}/appeal', roles: ['licensee'], absent: true, url: () => `/cases/${NOPE}/appeal`, body: { reason: 'x' } },
  { method: 'post', path: '/disputes', roles: 'public', url: () => '/disputes', body: {} },
  { method: 'post', path: '/disputes/{id}/appeal', roles: 'public', url: () => `/disputes/${NOPE}/appeal`, body: {} },
  { method: 'get', path: '/disputes', roles: SEES_WORKS, url: () => '/disputes' },
  { method: 'get', path: '/disputes/{id}', roles: SEES_WORKS, absent: true, url: () => `/disputes/${NOPE}` },
  { method: 'post', path: '/disputes/{id}/uphold', roles: ['admin', 'rights_holder'], absent: true, url: () => `/disputes/${NOPE}/uphold`, body: { reason: 'x' } },
  { method: 'post', path: '/disputes/{id}/release', roles: ['admin', 'rights_holder'], absent: true, url: () => `/disputes/${NOPE}/release`, body: { reason: 'x' } },
  { method: 'post', path: '/disputes/{id}/appeal-decision', roles: ['admin'], absent: true, url: () => `/disputes/${NOPE}/appeal-decision`, body: { decision: 'uphold', reason: 'x' } },
  { method: 'post', path: '/licences', roles: ['rights_holder'], url: () => '/licences', body: {} },
  { method: 'get', path: '/licences', roles: ['admin', 'rights_holder', 'licensee'], url: () => '/licences' },
  { method: 'get', path: '/licences/{id}', roles: ['admin', 'rights_holder', 'licensee'], hiddenFrom: ['otherHolder'], url: (i) => `/licences/${i.licence}` },
  { method: 'get', path: '/ownership/registrations/{number}', roles: EVERY_ROLE, url: (i) => `/ownership/registrations/${i.registrationNumber}` },
  { method: 'get', path: '/ownership/works', roles: EVERY_ROLE, url: () => '/ownership/works?title=bride' },
  { method: 'post', path: '/ownership/clips', roles: ['licensee'], url: () => '/ownership/clips', fields: { platform: 'douyin' } },
  { method: 'get', path: '/ownership/clips/{id}', roles: ['licensee'], url: (i) => `/ownership/clips/${i.query}` },
  { method: 'get', path: '/audit', roles: ['admin'], url: () => '/audit' },
  { method: 'get', path: '/audit/verify', roles: ['admin'], url: () => '/audit/verify' },
  { method: 'get', path: '/transparency/checkpoint', roles: 'public', url: () => '/transparency/checkpoint' },
  { method: 'get', path: '/transparency/checkpoints', roles: 'public', url: () => '/transparency/checkpoints' },
];

/** What a principal must get: refused without a key (401), refused by role (403), hidden (404), or served (anything else). */
function expected(route: Route, who: Who): 'unauthenticated' | 'forbidden' | 'hidden' | 'served' {
  if (route.roles === 'public') return 'served';
  if (who === 'none' || who === 'revoked') return 'unauthenticated';
  if (!route.roles.includes(ROLE_OF[who])) return 'forbidden';
  return route.absent || route.hiddenFrom?.includes(who) ? 'hidden' : 'served';
}

function outcome(status: number): 'unauthenticated' | 'forbidden' | 'hidden' | 'served' {
  if (status === 401) return 'unauthenticated';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'hidden';
  return 'served';
}

describe('authorization matrix: every endpoint × every role, no key and a revoked key', () => {
  let stack: TestStack;
  let keys: Record<Who, string | undefined>;
  let ids: Ids;
  let otherHolder: TestAccount;
  let licensee: TestAccount;

  beforeAll(async () => {
    stack = await TestStack.start();
    otherHolder = await stack.createAccount('rights_holder', 'Jade Pictures');
    const copier = await stack.createAccount('rights_holder', 'Copycat Films');
    licensee = await stack.createAccount('licensee', 'Moonlight Media');
    const revoked = await stack.createAccount('admin', 'Former Admin');
    const revokedKey = (await stack.admin.get(`/accounts/${revoked.id}/keys`)).body[0].id;
    await stack.admin.delete(`/accounts/${revoked.id}/keys/${revokedKey}`).expect(200);
    keys = {
      admin: undefined,
      holder: stack.holder.key,
      otherHolder: otherHolder.key,
      reviewer: stack.reviewer.key,
      licensee: licensee.key,
      none: undefined,
      revoked: revoked.key,
    };

    const work = await createWork(stack, { episodeCount: 3 });
    const registration = await registerEpisode(stack, work.id, await fixtures.episode1(), 1);
    const clip = await matchClip(stack, await fixtures.excerpt());
    const caseId = clip.matches[0].caseId;
    const licence = await stack
      .http()
      .post('/licences')
      .send({ workId: work.id, licenseeId: licensee.id, territories: ['*'], platforms: ['*'], startsOn: '2026-01-01', endsOn: '2026-12-31', exclusive: false })
      .expect(201);
    const copyWork = await createWork(stack, { title: 'Copy' }, copier.http);
    await registerEpisode(stack, copyWork.id, await fixtures.copy(), 1, copier.http);
    const conflict = (await stack.admin.get('/conflicts')).body.items[0];
    const query = await licensee.http.post('/ownership/clips').field('platform', 'douyin').attach('file', await fixtures.excerpt()).expect(201);
    ids = {
      holder: stack.holder.id,
      work: work.id,
      registration: registration.id,
      registrationNumber: registration.number,
      clip: clip.id,
      caseId,
      segment: clip.matches[0].segments[0].id,
      licence: licence.body.id,
      conflict: conflict.id,
      query: query.body.id,
    };
  });

  afterAll(() => stack?.stop());

  function client(who: Who) {
    if (who === 'admin') return stack.admin;
    return httpClient(stack.api.getHttpServer(), keys[who]);
  }

  it.each(ROUTES.map((r) => [`${r.method.toUpperCase()} ${r.path}`, r] as const))('%s', async (_name, route) => {
    const seen: Record<string, string> = {};
    const want: Record<string, string> = {};
    for (const who of PRINCIPALS) {
      let req: request.Test = client(who)[route.method](route.url(ids));
      if (route.body) req = req.send(route.body);
      for (const [k, v] of Object.entries(route.fields ?? {})) req = req.field(k, v);
      const res = await req;
      seen[who] = `${outcome(res.status)} (${res.status})`;
      want[who] = expected(route, who);
      expect(res.status).toBeLessThan(500);
    }
    expect(Object.fromEntries(Object.entries(seen).map(([k, v]) => [k, v.split(' ')[0]]))).toEqual(want);
  });

  it('covers every endpoint of the OpenAPI document, each describing exactly the roles the matrix expects', async () => {
    const doc = (await stack.anonymous().get('/docs-json').expect(200)).body;
    const documented: string[] = [];
    for (const [path, item] of Object.entries<any>(doc.paths)) {
      for (const [method, op] of Object.entries<any>(item)) {
        documented.push(`${method} ${path}`);
        const route = ROUTES.find((r) => r.method === method && r.path === path);
        expect({ endpoint: `${method} ${path}`, inMatrix: Boolean(route) }).toEqual({ endpoint: `${method} ${path}`, inMatrix: true });
        const line = route!.roles === 'public' ? 'Public: no API key needed' : `Roles: ${route!.roles.join(', ')}`;
        const lines = String(op.description).split('\n');
        const declared = lines[lines.length - 1];
        const normalise = (l: string): string => (l.startsWith('Roles: ') ? `Roles: ${l.slice(7).split(', ').sort().join(', ')}` : l);
        expect({ endpoint: `${method} ${path}`, access: normalise(declared) }).toEqual({ endpoint: `${method} ${path}`, access: normalise(line) });
      }
    }
    expect(documented.sort()).toEqual(ROUTES.map((r) => `${r.method} ${r.path}`).sort());
  });

  it('finds a declaration (roles or public) on every route the Nest router serves, and no route missing from OpenAPI', () => {
    const scanner = stack.api.get(MetadataScanner);
    const handlers: string[] = [];
    for (const wrapper of stack.api.get(DiscoveryService).getControllers()) {
      const proto = Object.getPrototypeOf(wrapper.instance);
      for (const name of scanner.getAllMethodNames(proto)) {
        const handler = proto[name];
        if (Reflect.getMetadata(METHOD_METADATA, handler) === undefined) continue;
        const declared = Reflect.getMetadata(PUBLIC_KEY, handler) === true || (Reflect.getMetadata(ROLES_KEY, handler) ?? []).length > 0;
        handlers.push(`${RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler)]} ${Reflect.getMetadata(PATH_METADATA, wrapper.metatype!)}/${Reflect.getMetadata(PATH_METADATA, handler)}: ${declared}`);
      }
    }
    expect(handlers.filter((h) => !h.endsWith(': true'))).toEqual([]);
    expect(handlers).toHaveLength(ROUTES.length);
  });
});
