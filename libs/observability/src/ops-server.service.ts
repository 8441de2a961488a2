import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { APP_CONFIG, AppConfig } from '@dramaguard/config';
import { metricsRegistry } from './metrics';
import { READINESS, Readiness } from './readiness';

/**
 * The operations listener on OPS_PORT: Prometheus metrics and the probes,
 * apart from the api's port so that neither the metrics nor their absence of
 * authentication ever face the internet; workers have no other port.
 */
@Injectable()
export class OpsServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger(OpsServer.name);
  private server: Server | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(READINESS) private readonly readiness: Readiness,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const port = this.config.ops.port;
    if (port === null) return;
    const server = createServer((req, res) => void this.answer(req, res));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, this.config.http.host, resolve);
    });
    this.server = server;
    this.log.log(`operations listener on port ${(server.address() as AddressInfo).port}: /metrics, /health/live, /health/ready`);
  }

  async onApplicationShutdown(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = null;
    await new Promise((resolve) => server.close(resolve));
  }

  private async answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      const path = (req.url ?? '').split('?')[0];
      if (req.method !== 'GET') return send(res, 405, 'text/plain', 'method not allowed\n');
      if (path === '/metrics') return send(res, 200, metricsRegistry.contentType, await metricsRegistry.metrics());
      if (path === '/health/live') return send(res, 200, 'application/json', JSON.stringify({ status: 'ok' }));
      if (path === '/health/ready') {
        const result = await this.readiness.check();
        return send(res, result.status === 'ok' ? 200 : 503, 'application/json', JSON.stringify(result));
      }
      send(res, 404, 'text/plain', 'not found\n');
    } catch (e) {
      this.log.error(`${req.url}: ${(e as Error).message}`);
      send(res, 500, 'text/plain', 'internal error\n');
    }
  }
}

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'content-type': type }).end(body);
}
