import { createPublicKey, verify } from 'node:crypto';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import { createWork, registerEpisode } from './support/api-calls';
import { fixtures } from './support/fixtures';
import { TestStack } from './support/test-stack';
import { waitFor } from './support/wait-for';
import { TEST_ADMIN_KEY } from './support/test-config';

type Body = Record<string, any>;

describe('the audit log as evidence', () => {
  let stack: TestStack;
  let registration: Body;

  beforeAll(async () => {
    stack = await TestStack.start({ checkpointIntervalMs: 1_000 }, { processes: 1 });
    registration = await registerEpisode(stack, (await createWork(stack, { title: 'Chained' })).id, await fixtures.episode1(), 1);
    await createWork(stack, { title: 'Chained again' });
  }, 120_000);

  afterAll(() => stack?.stop());

  it('chains every entry to the one before, and the registration into it', async () => {
    const log = (await stack.admin.get('/audit?pageSize=100').expect(200)).body;
    expect(log.items[0].prevHash).toBe('0'.repeat(64));
    for (let i = 1; i < log.items.length; i++) expect(log.items[i].prevHash).toBe(log.items[i - 1].hash);
    const entry = log.items.find((e: Body) => e.action === 'registration.registered' && e.subjectId === registration.id);
    expect(entry.after).toMatchObject({ number: registration.number, fileSha256: registration.sha256 });
    const verified = (await stack.admin.get('/audit/verify').expect(200)).body;
    expect(verified).toEqual({ valid: true, checked: log.total, brokenAt: null, head: log.items[log.items.length - 1].hash });
  });

  it('signs a public checkpoint covering the entry the certificate names', async () => {
    const certificate = JSON.parse((await stack.http().get(`/registrations/${registration.id}/certificate`).expect(200)).text);
    const checkpoint = (await stack.anonymous().get('/transparency/checkpoint').expect(200)).body;
    const publicKey = createPublicKey((await stack.anonymous().get('/keys/signing').expect(200)).text);
    expect(verify(null, Buffer.from(checkpoint.json), publicKey, Buffer.from(checkpoint.signature, 'base64'))).toBe(true);
    expect(JSON.parse(checkpoint.json)).toMatchObject({ type: 'dramaguard.audit-checkpoint', entries: checkpoint.entries, head: checkpoint.head });
    expect(BigInt(certificate.ledger.entryId)).toBeLessThanOrEqual(BigInt(checkpoint.lastEntryId));

    // The api also signs and keeps one every CHECKPOINT_INTERVAL_MS while the chain grows.
    const kept = await waitFor(async () => (await stack.anonymous().get('/transparency/checkpoints').expect(200)).body, (p) => p.total > 0, 10_000);
    const latest = kept.items[0];
    expect(verify(null, Buffer.from(latest.json), publicKey, Buffer.from(latest.signature, 'base64'))).toBe(true);
    expect(JSON.parse(latest.json)).toMatchObject({ entries: latest.entries, head: latest.head });
  });

  it('names the first entry changed behind the append-only trigger, online and with the offline verifier', async () => {
    const db = stack.api.get(DataSource);
    const [{ id }] = await db.query(`SELECT id::text FROM audit_log WHERE action = 'work.created' ORDER BY id LIMIT 1`);
    await db.transaction(async (em) => {
      await em.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only');
      await em.query(`UPDATE audit_log SET after = after || '{"title": "Rewritten"}' WHERE id = $1`, [id]);
      await em.query('ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only');
    });
    expect((await stack.admin.get('/audit/verify').expect(200)).body).toMatchObject({ valid: false, brokenAt: id });

    const server = stack.api.getHttpServer() as Server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const root = join(__dirname, '..');
    // Run asynchronously: the api answering the verifier lives in this process.
    const offline = await new Promise<{ status: number | null; stdout: string }>((resolve) => {
      const child = execFile(process.execPath, [join(root, 'node_modules/ts-node/dist/bin.js'), '--transpile-only', join(root, 'scripts/verify-audit.ts'), '--api', `http://127.0.0.1:${port}`], {
        env: { ...process.env, DRAMAGUARD_API_KEY: TEST_ADMIN_KEY },
        encoding: 'utf8',
      }, (_error, stdout) => resolve({ status: child.exitCode, stdout }));
    });
    server.close();
    process.stdout.write(`offline verifier after the edit:\n${offline.stdout}`);
    expect(offline.status).toBe(1);
    expect(offline.stdout).toContain(`entry ${id} does not follow from the entries before it`);
  }, 60_000);
});
