import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every worker asks, every RECONCILE_INTERVAL_MS, which registrations and
 * clips are unfinished. Both tables grow by hundreds of thousands of rows a
 * year, and the unfinished ones are a handful: without these partial indexes
 * each question read both tables whole (the registrations question reads this
 * index and ix_registrations_retro_pending, its OR joined as a BitmapOr).
 */
export class UnfinishedWork1765800000000 implements MigrationInterface {
  name = 'UnfinishedWork1765800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX ix_registrations_unfinished ON registrations (id) WHERE status IN ('queued', 'fingerprinting')`);
    await q.query(`CREATE INDEX ix_clips_unfinished ON clips (id) WHERE status IN ('queued', 'matching', 'incomplete')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_clips_unfinished`);
    await q.query(`DROP INDEX ix_registrations_unfinished`);
  }
}
