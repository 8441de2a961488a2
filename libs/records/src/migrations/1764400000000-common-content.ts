import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Common content: per-frame share bytes learned when episodes are registered
 * (kept apart from the fingerprint bytes, which certificates digest and which
 * never change), and the time ranges holders exclude from their episodes.
 */
export class CommonContent1764400000000 implements MigrationInterface {
  name = 'CommonContent1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE fingerprints ADD COLUMN shares bytea`);
    await q.query(`
      CREATE TABLE reference_exclusions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        registration_id uuid NOT NULL REFERENCES registrations(id) ON DELETE CASCADE,
        start_seconds double precision NOT NULL,
        end_seconds double precision NOT NULL,
        reason text NOT NULL,
        created_by uuid REFERENCES accounts(id) ON DELETE RESTRICT,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT reference_exclusions_range_check CHECK (start_seconds >= 0 AND end_seconds > start_seconds)
      )`);
    await q.query(`CREATE INDEX ix_reference_exclusions_registration ON reference_exclusions (registration_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE reference_exclusions`);
    await q.query(`ALTER TABLE fingerprints DROP COLUMN shares`);
  }
}
