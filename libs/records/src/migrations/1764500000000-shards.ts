import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Shards: each work belongs to one shard of the match index, for good (a
 * work's episodes stay together, so sibling attribution happens within a
 * shard); each clip records how many shards it was sent to, and each shard's
 * answer for a clip or a new registration is kept for the merge.
 */
export class Shards1764500000000 implements MigrationInterface {
  name = 'Shards1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE works ADD COLUMN shard smallint NOT NULL DEFAULT 0`);
    await q.query(`CREATE INDEX ix_works_shard ON works (shard)`);
    await q.query(`ALTER TABLE clips DROP CONSTRAINT clips_status_check`);
    await q.query(`ALTER TABLE clips ADD CONSTRAINT clips_status_check CHECK (status IN ('queued', 'matching', 'done', 'incomplete', 'failed'))`);
    await q.query(`ALTER TABLE clips ADD COLUMN shard_count smallint`);
    await q.query(`ALTER TABLE clips ADD COLUMN fanned_out_at timestamptz`);
    await q.query(`
      CREATE TABLE shard_answers (
        subject_type varchar(12) NOT NULL,
        subject_id uuid NOT NULL,
        shard smallint NOT NULL,
        index_seq bigint,
        matches jsonb,
        failure text,
        answered_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (subject_type, subject_id, shard)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE shard_answers`);
    await q.query(`ALTER TABLE clips DROP COLUMN fanned_out_at`);
    await q.query(`ALTER TABLE clips DROP COLUMN shard_count`);
    await q.query(`UPDATE clips SET status = 'failed', failure_reason = 'incomplete when the shards migration was reverted' WHERE status = 'incomplete'`);
    await q.query(`ALTER TABLE clips DROP CONSTRAINT clips_status_check`);
    await q.query(`ALTER TABLE clips ADD CONSTRAINT clips_status_check CHECK (status IN ('queued', 'matching', 'done', 'failed'))`);
    await q.query(`DROP INDEX ix_works_shard`);
    await q.query(`ALTER TABLE works DROP COLUMN shard`);
  }
}
