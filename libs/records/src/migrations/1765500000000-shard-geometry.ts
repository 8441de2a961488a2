import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A clip's geometries as each shard's sparse round voted for them, which the
 * other shards try too before they match it (subject type `geometry`).
 */
export class ShardGeometry1765500000000 implements MigrationInterface {
  name = 'ShardGeometry1765500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE shard_answers ADD COLUMN geometry jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM shard_answers WHERE subject_type = 'geometry'`);
    await q.query(`ALTER TABLE shard_answers DROP COLUMN geometry`);
  }
}
