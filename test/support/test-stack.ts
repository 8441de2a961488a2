import { INestApplication, INestApplicationContext } from '@nestjs/common';
import { getQueueToken } from '@nestjs/bullmq';
import { Test } from '@nestjs/testing';
import { APP_CONFIG, AppConfig } from '@dramaguard/config';
import { QUEUE_NAMES } from '@dramaguard/queue';
import { Queue } from 'bullmq';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { configureApi } from '../../apps/api/src/api-app';
import { ApiModule } from '../../apps/api/src/api.module';
import { configureWorker } from '../../apps/worker/src/worker-app';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { BUILT, BuiltProcess } from './built-process';
import { configEnv } from './config-env';
import { testConfig } from './test-config';
import { freshDatabase } from './test-database';

/**
 * The api in this process and workers either in this process (to look inside
 * them) or as built processes (fast), against the real PostgreSQL, Redis and ffmpeg.
 */
export class TestStack {
  private readonly workers: INestApplicationContext[] = [];
  private readonly processes: BuiltProcess[] = [];

  private constructor(
    readonly config: AppConfig,
    readonly api: INestApplication,
  ) {}

  static async start(overrides: Partial<AppConfig> = {}, workers: { inProcess?: number; processes?: number } = { processes: 1 }): Promise<TestStack> {
    const config = testConfig(overrides);
    await freshDatabase(config.database);
    const moduleRef = await Test.createTestingModule({ imports: [ApiModule] }).overrideProvider(APP_CONFIG).useValue(config).compile();
    const api = configureApi(moduleRef.createNestApplication({ logger: ['error'] }));
    await api.init();
    const stack = new TestStack(config, api);
    for (let i = 0; i < (workers.inProcess ?? 0); i++) await stack.addWorker();
    for (let i = 0; i < (workers.processes ?? 0); i++) await stack.addWorkerProcess();
    return stack;
  }

  async addWorkerProcess(): Promise<BuiltProcess> {
    const worker = BuiltProcess.start(BUILT.worker, configEnv(this.config));
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

  http(): ReturnType<typeof request> {
    return request(this.api.getHttpServer());
  }

  /** Files left in the upload staging directory: there should never be any between requests. */
  incomingFiles(): string[] {
    return readdirSync(join(this.config.mediaDir, 'incoming'));
  }

  async stop(): Promise<void> {
    await this.closeWorkers();
    for (const p of this.processes) await p.stop();
    for (const name of QUEUE_NAMES) await this.api.get<Queue>(getQueueToken(name)).obliterate({ force: true });
    await this.api.close();
    rmSync(this.config.mediaDir, { recursive: true, force: true });
  }
}
