import { DataSource } from 'typeorm';
import { createWork } from './support/api-calls';
import { TestStack } from './support/test-stack';

describe('the audit log as evidence', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await TestStack.start({}, { processes: 0 });
    await createWork(stack, { title: 'Chained' });
    await createWork(stack, { title: 'Chained again' });
  });

  afterAll(() => stack?.stop());

  it('chains every entry to the one before, and hands out the head hash', async () => {
    const log = (await stack.admin.get('/audit?pageSize=100').expect(200)).body;
    expect(log.total).toBeGreaterThanOrEqual(4);
    expect(log.items[0].prevHash).toBe('0'.repeat(64));
    for (let i = 1; i < log.items.length; i++) expect(log.items[i].prevHash).toBe(log.items[i - 1].hash);
    const chain = (await stack.admin.get('/audit/chain').expect(200)).body;
    expect(chain).toEqual({ valid: true, checked: log.total, brokenAt: null, head: log.items[log.items.length - 1].hash });
  });

  it('names the first entry changed behind the append-only trigger by someone who owns the database', async () => {
    const db = stack.api.get(DataSource);
    const [{ id }] = await db.query(`SELECT id::text FROM audit_log WHERE action = 'work.created' ORDER BY id LIMIT 1`);
    await db.transaction(async (em) => {
      await em.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only');
      await em.query(`UPDATE audit_log SET after = after || '{"title": "Rewritten"}' WHERE id = $1`, [id]);
      await em.query('ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only');
    });
    const chain = (await stack.admin.get('/audit/chain').expect(200)).body;
    expect(chain).toMatchObject({ valid: false, brokenAt: id });
  });
});
