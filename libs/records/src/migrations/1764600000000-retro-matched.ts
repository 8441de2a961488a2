import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When a registered episode's retro-match finished: until then the
 * reconciler re-enqueues it if the queue lost its job. Episodes registered
 * before this column existed count as retro-matched.
 */
export class RetroMatched1764600000000 implements MigrationInterface {
  name = 'RetroMatched1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE registrations ADD COLUMN retro_matched_at timestamptz`);
    await q.query(`UPDATE registrations SET retro_matched_at = now() WHERE status = 'registered'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE registrations DROP COLUMN retro_matched_at`);
  }
}
