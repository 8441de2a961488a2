import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createWork } from './support/api-calls';
import { BUILT } from './support/built-process';
import { fixtures } from './support/fixtures';
import { TestStack } from './support/test-stack';

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

describe('the dramaguard command line against the real stack', () => {
  let stack: TestStack;
  let url: string;
  let dir: string;
  let workId: string;

  /** The built CLI as its own process, as a user's shell runs it; the key only ever in the environment. */
  const cli = (args: string[], key?: string): Promise<Run> =>
    new Promise((resolve) => {
      const env = { PATH: process.env.PATH ?? '', DRAMAGUARD_API_URL: url, ...(key ? { DRAMAGUARD_API_KEY: key } : {}) };
      execFile(process.execPath, [BUILT.cli, ...args], { env }, (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }));
    });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dg-cli-'));
    stack = await TestStack.start();
    await stack.api.listen(0, '127.0.0.1');
    url = `http://127.0.0.1:${(stack.api.getHttpServer().address() as AddressInfo).port}`;
    workId = (await createWork(stack, { title: '秘密新娘', episodeCount: 10 })).id;
  });

  afterAll(async () => {
    await stack?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('registers a folder of episodes numbered from their names, and resumes by SHA-256, failing on what it cannot register', async () => {
    const folder = join(dir, 'series');
    mkdirSync(folder);
    copyFileSync(await fixtures.episode1(), join(folder, '秘密新娘 第01集.mp4'));
    copyFileSync(await fixtures.episode2(), join(folder, '秘密新娘 第02集.mp4'));
    writeFileSync(join(folder, 'notes.txt'), 'not an episode');

    const first = await cli(['register', '--work', workId, '--poll', '200', folder], stack.holder.key);
    expect(first).toMatchObject({ code: 0 });
    const lines = first.stdout.split('\n');
    expect(lines[0]).toMatch(/^file\s+episode\s+sha256\s+registration\s+result$/);
    expect(lines.find((l) => l.startsWith('秘密新娘 第01集.mp4'))).toMatch(/^秘密新娘 第01集\.mp4\s+1\s+[0-9a-f]{12}\s+DG-\d{4}-\d{6}\s+registered$/);
    expect(lines.find((l) => l.startsWith('秘密新娘 第02集.mp4'))).toMatch(/\s2\s.*\sregistered$/);
    expect(first.stdout).toContain('2 of 2 file(s) registered\n');
    const stored = await stack.http().get(`/works/${workId}`).expect(200);
    const ids = stored.body.episodes.map((e: any) => e.registration.id);
    const names = await Promise.all(ids.map(async (id: string) => (await stack.http().get(`/registrations/${id}`).expect(200)).body.fileName));
    expect(names.sort()).toEqual(['秘密新娘 第01集.mp4', '秘密新娘 第02集.mp4']);
    expect(first.stdout).not.toContain('notes.txt');

    writeFileSync(join(folder, '秘密新娘 第03集.mp4'), 'this is no video at all');
    const again = await cli(['register', '--work', workId, '--poll', '200', folder], stack.holder.key);
    expect(again.code).toBe(1);
    expect(again.stdout).toMatch(/第01集\.mp4\s+1\s.*skipped: already registered/);
    expect(again.stdout).toMatch(/第02集\.mp4\s+2\s.*skipped: already registered/);
    expect(again.stdout).toMatch(/第03集\.mp4\s+3\s+[0-9a-f]{12}\s+-\s+refused: not_a_video: /);
    expect(again.stdout).toContain('2 of 3 file(s) registered, 1 not\n');
    const work = (await stack.http().get(`/works/${workId}`).expect(200)).body;
    expect(work.episodes.map((e: { number: number }) => e.number)).toEqual([1, 2]);
  });

  it('checks a suspect clip and prints the verdict', async () => {
    const run = await cli(['check', '--poll', '200', '--platform', 'douyin', await fixtures.excerpt()], stack.reviewer.key);
    expect(run.code).toBe(0);
    const work = (await stack.http().get(`/works/${workId}`).expect(200)).body;
    const number = work.episodes.find((e: { number: number }) => e.number === 1).registration.number;
    expect(run.stdout).toMatch(/^clip [0-9a-f-]{36} \(SHA-256 [0-9a-f]{64}\): done$/m);
    expect(run.stdout).toMatch(new RegExp(`^verdict: case_opened: ${number}, "秘密新娘" episode 1 of Golden Reel Studio, score 0\\.\\d{3}, case [0-9a-f-]{36}$`, 'm'));
    expect(run.stdout).toMatch(/^\d+\.\d\d-\d+\.\d\d s\s+\d+\.\d\d-\d+\.\d\d s\s+0\.\d{3}$/m);

    const unrelated = await cli(['check', '--poll', '200', await fixtures.unrelated()], stack.reviewer.key);
    expect(unrelated.stdout).toContain('verdict: no registered episode found in this clip');
  });

  it('verifies a certificate offline, with the episode file, and refuses an edited one', async () => {
    const work = (await stack.http().get(`/works/${workId}`).expect(200)).body;
    const id = work.episodes.find((e: { number: number }) => e.number === 1).registration.id;
    const raw = (path: string) =>
      stack
        .http()
        .get(path)
        .buffer(true)
        .parse((r, done) => {
          const chunks: Buffer[] = [];
          r.on('data', (c: Buffer) => chunks.push(c));
          r.on('end', () => done(null, Buffer.concat(chunks)));
        })
        .expect(200)
        .then((r) => r.body as Buffer);
    const [cert, sig, key] = [join(dir, 'cert.json'), join(dir, 'cert.sig'), join(dir, 'signing.pem')];
    writeFileSync(cert, await raw(`/registrations/${id}/certificate`));
    writeFileSync(sig, await raw(`/registrations/${id}/certificate.sig`));
    writeFileSync(key, await raw('/keys/signing'));

    const ok = await cli(['verify-certificate', cert, '--signature', sig, '--key', key, '--file', await fixtures.episode1()]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('ok: the signature is valid for these certificate bytes');
    expect(ok.stdout).toContain('ok: the file is the one certified');

    const otherFile = await cli(['verify-certificate', cert, '--signature', sig, '--key', key, '--file', await fixtures.episode2()]);
    expect(otherFile.code).toBe(1);
    const edited = join(dir, 'edited.json');
    writeFileSync(edited, readFileSync(cert, 'utf8').replace('"number":1', '"number":7'));
    const forged = await cli(['verify-certificate', edited, '--signature', sig, '--key', key]);
    expect(forged.code).toBe(1);
    expect(forged.stdout).toContain('FAILED: the signature does not match the certificate and key');
  });

  it('says what is missing with exit code 2', async () => {
    const run = await cli(['register', '--work', workId, dir]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('set DRAMAGUARD_API_KEY');
    expect((await cli(['register', dir])).code).toBe(2);
  });
});
