import { INestApplication, INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { APP_CONFIG, AppConfig } from '@dramaguard/config';
import { allQueues, queueConnection } from '@dramaguard/queue';
import { Queue } from 'bullmq';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Server } from 'node:http';
import { configureApi } from '../../apps/api/src/api-app';
import { ApiModule } from '../../apps/api/src/api.module';
import { configureWorker } from '../../apps/worker/src/worker-app';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { BUILT, BuiltProcess } from './built-process';
import { configEnv } from './config-env';
import { HttpClient, httpClient } from './http-client';
import { TEST_ADMIN_KEY, testConfig } from './test-config';
import { freshDatabase } from './test-database';

export type AccountRole = 'admin' | 'rights_holder' | 'reviewer' | 'licensee';

export interface TestAccount {
  readonly id: string;
  readonly name: string;
  readonly key: string;
  /** The api as this account. */
  readonly http: HttpClient;
}

/**
 * The api in this process and workers either in this process (to look inside
 * them) or as built processes (fast), against the real PostgreSQL, Redis and
 * ffmpeg. Every stack starts with the bootstrap admin, a rights holder
 * ("Golden Reel Studio") and a reviewer.
 */
export class TestStack {
  private readonly workers: INestApplicationContext[] = [];
  private readonly processes: BuiltProcess[] = [];
  readonly admin: HttpClient;
  holder!: TestAccount;
  reviewer!: TestAccount;

  private constructor(
    readonly config: AppConfig,
    readonly api: INestApplication,
  ) {
    this.admin = httpClient(this.server, TEST_ADMIN_KEY);
  }

  static async start(overrides: Partial<AppConfig> = {}, workers: { inProcess?: number; processes?: number } = { processes: 1 }): Promise<TestStack> {
    const config = testConfig(overrides);
    await freshDatabase(config.database);
    const moduleRef = await Test.createTestingModule({ imports: [ApiModule] }).overrideProvider(APP_CONFIG).useValue(config).compile();
    const api = configureApi(moduleRef.createNestApplication({ logger: ['error'] }));
    await api.init();
    const stack = new TestStack(config, api);
    stack.holder = await stack.createAccount('rights_holder', 'Golden Reel Studio');
    stack.reviewer = await stack.createAccount('reviewer', 'Review Desk');
    for (let i = 0; i < (workers.inProcess ?? 0); i++) await stack.addWorker();
    for (let i = 0; i < (workers.processes ?? 0); i++) await stack.addWorkerProcess();
    return stack;
  }

  async addWorkerProcess(overrides: Partial<AppConfig> = {}): Promise<BuiltProcess> {
    const worker = BuiltProcess.start(BUILT.worker, configEnv({ ...this.config, ...overrides }));
    this.processes.push(worker);
    await worker.waitForOutput('worker ready');
    return worker;
  }

  async addWorker(overrides: Partial<AppConfig> = {}): Promise<INestApplicationContext> {
    const config = { ...this.config, ...overrides };
    const moduleRef = await Test.createTestingModule({ imports: [WorkerModule] }).overrideProvider(APP_CONFIG).useValue(config).compile();
    moduleRef.useLogger(['error']);
    await moduleRef.init();
    const worker = configureWorker(moduleRef);
    this.workers.push(worker);
    return worker;
  }

  async closeWorkers(): Promise<void> {
    for (const w of this.workers.splice(0)) await w.close();
  }

  worker(i = 0): INestApplicationContext {
    return this.workers[i];
  }

  private get server(): Server {
    return this.api.getHttpServer() as Server;
  }

  /** The api as the default rights holder, or with the given key. */
  http(key: string = this.holder.key): HttpClient {
    return httpClient(this.server, key);
  }

  /** The api without any API key. */
  anonymous(): HttpClient {
    return httpClient(this.server);
  }

  /** A new account with one API key, created by the admin over HTTP. */
  async createAccount(role: AccountRole, name: string, platformAccounts?: { platform: string; handle: string }[]): Promise<TestAccount> {
    const account = await this.admin.post('/accounts').send({ name, role, ...(platformAccounts ? { platformAccounts } : {}) }).expect(201);
    const issued = await this.admin.post(`/accounts/${account.body.id}/keys`).send({ label: 'e2e' }).expect(201);
    return { id: account.body.id, name, key: issued.body.key, http: httpClient(this.server, issued.body.key) };
  }

  /** Files left in the upload staging directory: there should never be any between requests. */
  incomingFiles(): string[] {
    return readdirSync(join(this.config.mediaDir, 'incoming'));
  }

  async stop(): Promise<void> {
    await this.closeWorkers();
    for (const p of this.processes) await p.stop();
    for (const name of allQueues(this.config.shards.count)) {
      const queue = new Queue(name, queueConnection(this.config));
      await queue.obliterate({ force: true });
      await queue.close();
    }
    await this.api.close();
    rmSync(this.config.mediaDir, { recursive: true, force: true });
  }
}
