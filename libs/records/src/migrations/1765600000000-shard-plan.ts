import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A clip's candidate lines as each shard's stage one proposed them (support
 * and clip frames, subject type `plan`), from which every shard works out
 * which of its own it verifies.
 */
export class ShardPlan1765600000000 implements MigrationInterface {
  name = 'ShardPlan1765600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE shard_answers ADD COLUMN plan jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM shard_answers WHERE subject_type = 'plan'`);
    await q.query(`ALTER TABLE shard_answers DROP COLUMN plan`);
  }
}
