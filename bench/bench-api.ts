import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

type Json = Record<string, any>;

/** The few calls the bench makes, over plain HTTP like any client. */
export class BenchApi {
  constructor(private readonly base: string) {}

  private async call(method: string, path: string, body?: FormData | Json): Promise<Json> {
    const init: RequestInit =
      body instanceof FormData ? { method, body } : body ? { method, body: JSON.stringify(body), headers: { 'content-type': 'application/json' } } : { method };
    const res = await fetch(this.base + path, init);
    const json = (await res.json()) as Json;
    if (res.status >= 400) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  }

  createWork(title: string, episodeCount: number): Promise<Json> {
    return this.call('POST', '/works', { rightsHolder: 'DramaGuard benchmark', title, episodeCount });
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
