import type { Server } from 'node:http';
import request from 'supertest';

export type HttpClient = Record<'get' | 'post' | 'put' | 'patch' | 'delete', (url: string) => request.Test>;

/** supertest against the api, every request carrying `key` as a bearer token (no key: anonymous). */
export function httpClient(server: Server, key?: string): HttpClient {
  const agent = request(server);
  const auth = (t: request.Test): request.Test => (key ? t.set('authorization', `Bearer ${key}`) : t);
  return {
    get: (url) => auth(agent.get(url)),
    post: (url) => auth(agent.post(url)),
    put: (url) => auth(agent.put(url)),
    patch: (url) => auth(agent.patch(url)),
    delete: (url) => auth(agent.delete(url)),
  };
}
