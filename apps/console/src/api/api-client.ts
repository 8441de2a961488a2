import { apiErrorFrom } from './api-error';

export interface UploadProgress {
  readonly loaded: number;
  readonly total: number;
}

/**
 * The public API with one account's key. The key travels only in the
 * Authorization header: never in a URL, so it stays out of access logs and
 * browser history.
 */
export class ApiClient {
  constructor(private readonly key: string) {}

  private headers(extra: Record<string, string> = {}): Record<string, string> {
    return { authorization: `Bearer ${this.key}`, ...extra };
  }

  private async send(method: string, path: string, body?: unknown): Promise<Response> {
    let res: Response;
    try {
      res = await fetch(path, {
        method,
        headers: this.headers(body === undefined ? {} : { 'content-type': 'application/json' }),
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch {
      throw apiErrorFrom(0, '');
    }
    if (!res.ok) throw apiErrorFrom(res.status, await res.text());
    return res;
  }

  async get<T>(path: string): Promise<T> {
    return (await (await this.send('GET', path)).json()) as T;
  }

  async post<T>(path: string, body: unknown = {}): Promise<T> {
    return (await (await this.send('POST', path, body)).json()) as T;
  }

  async delete<T>(path: string): Promise<T> {
    return (await (await this.send('DELETE', path)).json()) as T;
  }

  async text(path: string): Promise<string> {
    return (await this.send('GET', path)).text();
  }

  /** A binary (an evidence image, a report) as a blob, since <img> and <a> cannot send the key. */
  async blob(path: string): Promise<Blob> {
    return (await this.send('GET', path)).blob();
  }

  /** A multipart upload with progress events (fetch reports none while sending). */
  upload<T>(path: string, form: FormData, onProgress: (p: UploadProgress) => void): Promise<T> {
    return new Promise((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open('POST', path);
      for (const [k, v] of Object.entries(this.headers())) xhr.setRequestHeader(k, v);
      xhr.upload.onprogress = (e) => onProgress({ loaded: e.loaded, total: e.lengthComputable ? e.total : 0 });
      xhr.onload = () => {
        if (xhr.status >= 200 && xhr.status < 300) resolve(JSON.parse(xhr.responseText) as T);
        else reject(apiErrorFrom(xhr.status, xhr.responseText));
      };
      xhr.onerror = () => reject(apiErrorFrom(0, ''));
      xhr.send(form);
    });
  }
}
