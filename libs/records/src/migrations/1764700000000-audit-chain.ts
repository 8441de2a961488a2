import { MigrationInterface, QueryRunner } from 'typeorm';
import { auditHash, CHAIN_START } from '../audit-chain';

const BATCH = 1000;

/**
 * Chains the audit log: each entry keeps the hash of the one before and its
 * own (audit-chain.ts). Existing entries are chained in id order; the
 * append-only trigger is lifted for that one update, inside this migration's
 * transaction.
 */
export class AuditChain1764700000000 implements MigrationInterface {
  name = 'AuditChain1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE audit_log ADD COLUMN prev_hash char(64)`);
    await q.query(`ALTER TABLE audit_log ADD COLUMN hash char(64)`);
    await q.query(`ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only`);
    let previous = CHAIN_START;
    for (let last = '0'; ; ) {
      const rows = (await q.query(`SELECT id::text, at, actor_id, action, subject_type, subject_id, before, after FROM audit_log WHERE id > $1 ORDER BY id LIMIT ${BATCH}`, [last])) as {
        id: string;
        at: Date;
        actor_id: string | null;
        action: string;
        subject_type: string;
        subject_id: string;
        before: Record<string, unknown> | null;
        after: Record<string, unknown> | null;
      }[];
      if (!rows.length) break;
      for (const r of rows) {
        const hash = auditHash(previous, { at: r.at, actorId: r.actor_id, action: r.action, subjectType: r.subject_type, subjectId: r.subject_id, before: r.before, after: r.after });
        await q.query(`UPDATE audit_log SET prev_hash = $2, hash = $3 WHERE id = $1`, [r.id, previous, hash]);
        previous = hash;
      }
      last = rows[rows.length - 1].id;
    }
    await q.query(`ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE audit_log DROP COLUMN hash`);
    await q.query(`ALTER TABLE audit_log DROP COLUMN prev_hash`);
  }
}
