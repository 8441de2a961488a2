import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
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
 * A Redis of a test's own on a free port, keeping nothing on disk: a test may
 * flush or kill it without touching the machine's Redis.
 */
export class ScratchRedis {
  private constructor(
    readonly port: number,
    private readonly child: ChildProcess,
  ) {}

  static async start(): Promise<ScratchRedis> {
    const port = await freePort();
    const child = spawn('redis-server', ['--bind', '127.0.0.1', '--port', String(port), '--save', '', '--appendonly', 'no', '--maxmemory-policy', 'noeviction'], { stdio: 'ignore' });
    const redis = new ScratchRedis(port, child);
    for (let i = 0; i < 100; i++) {
      if (await redis.ping()) return redis;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`redis-server did not come up on port ${port}`);
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
