import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { request as httpRequest, IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { basename } from 'node:path';
import { randomBytes } from 'node:crypto';

/** A refusal of the api: its status and the stable error code of the body. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

type Json = Record<string, any>;

/** The api over HTTP with one key; uploads stream the file and report the bytes sent. */
export class ApiClient {
  constructor(
    private readonly baseUrl: string,
    private readonly key: string | undefined,
  ) {}

  async get(path: string): Promise<Json> {
    const res = await this.send('GET', path, {}, (req) => req.end());
    return parse(res, await readAll(res));
  }

  /** POSTs a multipart form: the fields, then the file under `file`. */
  async upload(path: string, fields: Record<string, string>, filePath: string, onBytes: (sent: number) => void): Promise<Json> {
    const boundary = `----dramaguard${randomBytes(12).toString('hex')}`;
    const head = Buffer.from(
      Object.entries(fields)
        .map(([k, v]) => `--${boundary}\r\ncontent-disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`)
        .join('') +
        `--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="${formFileName(basename(filePath))}"\r\ncontent-type: application/octet-stream\r\n\r\n`,
    );
    const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
    const size = (await stat(filePath)).size;
    const res = await this.send('POST', path, { 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': String(head.length + size + tail.length) }, (req) => {
      req.write(head);
      let sent = 0;
      const file = createReadStream(filePath);
      file.on('data', (chunk) => onBytes((sent += chunk.length)));
      file.on('error', (e) => req.destroy(e));
      file.on('end', () => req.end(tail));
      file.pipe(req, { end: false });
    });
    return parse(res, await readAll(res));
  }

  private send(method: string, path: string, headers: Record<string, string>, write: (req: ReturnType<typeof httpRequest>) => void): Promise<IncomingMessage> {
    const url = new URL(this.baseUrl + path);
    const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise((resolve, reject) => {
      const req = request(url, { method, headers: { ...headers, ...(this.key ? { authorization: `Bearer ${this.key}` } : {}) } }, async (res) => {
        if ((res.statusCode ?? 500) < 300) return resolve(res);
        try {
          parse(res, await readAll(res));
        } catch (e) {
          reject(e);
        }
      });
      req.on('error', (e) => reject(new Error(`cannot reach the api at ${this.baseUrl}: ${e.message}`)));
      write(req);
    });
  }
}

async function readAll(res: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of res) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

function parse(res: IncomingMessage, body: Buffer): Json {
  let json: Json = {};
  try {
    json = JSON.parse(body.toString('utf8'));
  } catch {
    json = { message: body.toString('utf8').slice(0, 200) };
  }
  const status = res.statusCode ?? 500;
  if (status >= 300) throw new ApiError(status, String(json.error ?? status), String(json.message ?? `HTTP ${status}`));
  return json;
}

/**
 * The file's name as browsers send it, UTF-8 as is: the api's multipart
 * parser reads `filename=` as UTF-8 and decodes no percent escapes, so an
 * encoded name would be stored encoded. Quotes and line breaks, which would
 * end the header, become underscores.
 */
function formFileName(name: string): string {
  return name.replace(/["\\\r\n]/g, '_');
}
