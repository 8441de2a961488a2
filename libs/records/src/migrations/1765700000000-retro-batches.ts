import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Retro-matching in batches: the job that claims a batch of registered
 * episodes decodes each recent clip once for all of them. The claim (whose
 * job holds it, until when) keeps the other episodes' jobs from decoding the
 * same clips again; it runs out if that job's worker dies. The partial index
 * finds the waiting episodes a job claims.
 */
export class RetroBatches1765700000000 implements MigrationInterface {
  name = 'RetroBatches1765700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE registrations ADD COLUMN retro_claimed_by uuid, ADD COLUMN retro_claimed_until timestamptz`);
    await q.query(`CREATE INDEX ix_registrations_retro_pending ON registrations (registered_at, id) WHERE status = 'registered' AND retro_matched_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_registrations_retro_pending`);
    await q.query(`ALTER TABLE registrations DROP COLUMN retro_claimed_by, DROP COLUMN retro_claimed_until`);
  }
}
