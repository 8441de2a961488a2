import { MigrationInterface, QueryRunner } from 'typeorm';

/** When a clip's video file was deleted under the retention rules (the row and its result stay). */
export class ClipRetention1764800000000 implements MigrationInterface {
  name = 'ClipRetention1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE clips ADD COLUMN media_purged_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE clips DROP COLUMN media_purged_at`);
  }
}
