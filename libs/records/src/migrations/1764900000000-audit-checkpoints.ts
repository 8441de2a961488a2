import { MigrationInterface, QueryRunner } from 'typeorm';

/** Signed checkpoints of the audit chain, taken periodically by the api: a published history of heads. */
export class AuditCheckpoints1764900000000 implements MigrationInterface {
  name = 'AuditCheckpoints1764900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE audit_checkpoints (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL,
        entries int NOT NULL,
        head char(64) NOT NULL,
        json text NOT NULL,
        signature text NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_checkpoints`);
  }
}
