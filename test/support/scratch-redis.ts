import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Redis from 'ioredis';

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/**
 * A Redis of a test's own on a free port, with an append-only file as the
 * service runs it or keeping nothing on disk: a test may flush, kill or
 * restart it without touching the machine's Redis.
 */
export class ScratchRedis {
  private child: ChildProcess;

  private constructor(
    readonly port: number,
    private readonly args: string[],
  ) {
    this.child = spawn('redis-server', args, { stdio: 'ignore' });
  }

  static async start(persistence: 'aof' | 'none' = 'none'): Promise<ScratchRedis> {
    const port = await freePort();
    const disk = persistence === 'aof' ? ['--dir', mkdtempSync(join(tmpdir(), 'dg-redis-')), '--appendonly', 'yes', '--appendfsync', 'everysec'] : ['--save', '', '--appendonly', 'no'];
    const redis = new ScratchRedis(port, ['--bind', '127.0.0.1', '--port', String(port), '--maxmemory-policy', 'noeviction', ...disk]);
    await redis.up();
    return redis;
  }

  /** Stopped (SIGTERM: an orderly shutdown) and started again on the same port and directory. */
  async restart(): Promise<void> {
    await this.stop();
    this.child = spawn('redis-server', this.args, { stdio: 'ignore' });
    await this.up();
  }

  private async up(): Promise<void> {
    for (let i = 0; i < 100; i++) {
      if (await this.ping()) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`redis-server did not come up on port ${this.port}`);
  }

  /** As a restart without persistence leaves it: every queued job gone. */
  async flushAll(): Promise<void> {
    const client = new Redis({ port: this.port, host: '127.0.0.1', lazyConnect: true });
    await client.connect();
    await client.flushall();
    client.disconnect();
  }

  private async ping(): Promise<boolean> {
    const client = new Redis({ port: this.port, host: '127.0.0.1', lazyConnect: true, retryStrategy: () => null, maxRetriesPerRequest: 0 });
    try {
      await client.connect();
      return (await client.ping()) === 'PONG';
    } catch {
      return false;
    } finally {
      client.disconnect();
    }
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((r) => this.child.once('exit', r));
    this.child.kill('SIGTERM');
    await exited;
  }
}
