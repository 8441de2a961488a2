import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A shard's clip answer carries the stretch of each matched episode's
 * fingerprint that the merge's near-duplicate rule reads, so the merge does
 * not wait on the fingerprints table's cold pages.
 */
export class ShardRegisteredStretches1765900000000 implements MigrationInterface {
  name = 'ShardRegisteredStretches1765900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE shard_answers ADD COLUMN registered jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE shard_answers DROP COLUMN registered`);
  }
}
