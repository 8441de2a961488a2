import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DatabaseConfig } from '@dramaguard/config';

const BIN = join('/usr/lib/postgresql', readdirSync('/usr/lib/postgresql')[0], 'bin');

/**
 * A PostgreSQL cluster of a test's own (initdb in a temporary directory, run
 * as the postgres user, trust auth, its own port), so a test can restart it
 * under running jobs without touching the machine's cluster.
 */
export class ScratchPostgres {
  private constructor(
    private readonly dir: string,
    readonly port: number,
  ) {}

  static start(port: number): ScratchPostgres {
    const dir = mkdtempSync(join(tmpdir(), 'dg-pg-'));
    chmodSync(dir, 0o777);
    const pg = new ScratchPostgres(dir, port);
    pg.asPostgres(`${BIN}/initdb -D ${dir}/data -A trust -U postgres > /dev/null`);
    pg.ctl('start');
    return pg;
  }

  database(name: string): DatabaseConfig {
    return { host: '127.0.0.1', port: this.port, user: 'postgres', password: '', name };
  }

  /** A fast shutdown (every session terminated) and a start: what an operator's restart or a failover looks like. */
  restart(): void {
    this.ctl('restart -m fast');
  }

  stop(): void {
    this.ctl('stop -m fast');
    rmSync(this.dir, { recursive: true, force: true });
  }

  private ctl(action: string): void {
    this.asPostgres(`${BIN}/pg_ctl -D ${this.dir}/data -w ${action} -l ${this.dir}/log -o '-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1' > /dev/null`);
  }

  private asPostgres(command: string): void {
    execFileSync('su', ['postgres', '-s', '/bin/sh', '-c', command], { stdio: 'inherit' });
  }
}
