import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

type Json = Record<string, any>;

/** The few calls the bench makes, over plain HTTP like any client, with one API key. */
export class BenchApi {
  constructor(
    private readonly base: string,
    private readonly key: string,
  ) {}

  /** A client for a new account of that role, holding a fresh key (this client must be an admin's). */
  async as(role: 'rights_holder' | 'reviewer', name: string): Promise<BenchApi> {
    const account = await this.call('POST', '/accounts', { name, role });
    const { key } = await this.call('POST', `/accounts/${account.id}/keys`, { label: 'bench' });
    return new BenchApi(this.base, key);
  }

  private async call(method: string, path: string, body?: FormData | Json): Promise<Json> {
    const headers: Record<string, string> = { authorization: `Bearer ${this.key}` };
    if (body && !(body instanceof FormData)) headers['content-type'] = 'application/json';
    const init: RequestInit = { method, headers, body: body instanceof FormData ? body : body ? JSON.stringify(body) : undefined };
    const res = await fetch(this.base + path, init);
    const json = (await res.json()) as Json;
    if (res.status >= 400) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  }

  createWork(title: string, episodeCount: number): Promise<Json> {
    return this.call('POST', '/works', { title, episodeCount });
  }

  uploadEpisode(workId: string, file: string, episodeNumber: number): Promise<Json> {
    const form = new FormData();
    form.append('episodeNumber', String(episodeNumber));
    form.append('title', basename(file));
    form.append('file', new Blob([readFileSync(file)]), basename(file));
    return this.call('POST', `/works/${workId}/episodes`, form);
  }

  submitClip(file: string): Promise<Json> {
    const form = new FormData();
    form.append('file', new Blob([readFileSync(file)]), basename(file));
    return this.call('POST', '/clips', form);
  }

  registration(id: string): Promise<Json> {
    return this.call('GET', `/registrations/${id}`);
  }

  clip(id: string): Promise<Json> {
    return this.call('GET', `/clips/${id}`);
  }

  /** Polls each id until `settled` holds for all of them. */
  async settle(ids: string[], read: (id: string) => Promise<Json>, settled: (v: Json) => boolean, timeoutMs: number): Promise<Json[]> {
    const until = Date.now() + timeoutMs;
    const done = new Map<string, Json>();
    while (done.size < ids.length) {
      for (const id of ids.filter((i) => !done.has(i))) {
        const v = await read(id);
        if (settled(v)) done.set(id, v);
      }
      if (done.size < ids.length) {
        if (Date.now() > until) throw new Error(`timed out with ${ids.length - done.size} of ${ids.length} unsettled`);
        await new Promise((r) => setTimeout(r, 500));
      }
    }
    return ids.map((id) => done.get(id) as Json);
  }
}
