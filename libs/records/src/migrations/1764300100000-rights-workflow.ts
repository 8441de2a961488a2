import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Licences, the use a clip was found in, verdicts on matches, review cases
 * with notes, and registrations held in conflict with their evidence.
 */
export class RightsWorkflow1764300100000 implements MigrationInterface {
  name = 'RightsWorkflow1764300100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE registrations DROP CONSTRAINT registrations_status_check`);
    await q.query(`
      ALTER TABLE registrations ADD CONSTRAINT registrations_status_check
        CHECK (status IN ('queued', 'fingerprinting', 'registered', 'conflict', 'rejected', 'failed'))`);
    await q.query(`
      CREATE TABLE registration_conflicts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        registration_id uuid NOT NULL UNIQUE REFERENCES registrations(id) ON DELETE RESTRICT,
        status varchar(16) NOT NULL DEFAULT 'open' CONSTRAINT registration_conflicts_status_check CHECK (status IN ('open', 'registered', 'rejected')),
        opened_at timestamptz NOT NULL DEFAULT now(),
        resolved_by uuid REFERENCES accounts(id) ON DELETE RESTRICT,
        resolved_at timestamptz,
        resolution_reason text
      )`);
    await q.query(`
      CREATE TABLE conflict_matches (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        conflict_id uuid NOT NULL REFERENCES registration_conflicts(id) ON DELETE RESTRICT,
        registration_id uuid NOT NULL REFERENCES registrations(id) ON DELETE RESTRICT,
        owner_id uuid NOT NULL REFERENCES accounts(id) ON DELETE RESTRICT,
        score double precision NOT NULL,
        mirrored boolean NOT NULL,
        segments jsonb NOT NULL
      )`);
    await q.query(`CREATE INDEX ix_conflict_matches_conflict ON conflict_matches (conflict_id)`);
    await q.query(`CREATE INDEX ix_conflict_matches_owner ON conflict_matches (owner_id)`);
    await q.query(`
      CREATE TABLE licences (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        work_id uuid NOT NULL REFERENCES works(id) ON DELETE RESTRICT,
        licensee_id uuid NOT NULL REFERENCES accounts(id) ON DELETE RESTRICT,
        granted_by uuid NOT NULL REFERENCES accounts(id) ON DELETE RESTRICT,
        first_episode int,
        last_episode int,
        territories varchar(8)[] NOT NULL,
        platforms varchar(50)[] NOT NULL,
        starts_on date NOT NULL,
        ends_on date NOT NULL,
        exclusive boolean NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT licences_dates_check CHECK (ends_on >= starts_on),
        CONSTRAINT licences_episodes_check
          CHECK ((first_episode IS NULL AND last_episode IS NULL) OR (first_episode >= 1 AND last_episode >= first_episode))
      )`);
    await q.query(`CREATE INDEX ix_licences_work ON licences (work_id)`);
    await q.query(`CREATE INDEX ix_licences_licensee ON licences (licensee_id)`);

    await q.query(`ALTER TABLE clips ADD COLUMN submitted_by uuid`);
    await q.query(`ALTER TABLE clips ADD CONSTRAINT clips_submitted_by_fkey FOREIGN KEY (submitted_by) REFERENCES accounts(id) ON DELETE RESTRICT`);
    await q.query(`
      ALTER TABLE clips ADD COLUMN purpose varchar(20) NOT NULL DEFAULT 'infringement_check'
        CONSTRAINT clips_purpose_check CHECK (purpose IN ('infringement_check', 'ownership_query'))`);
    await q.query(`ALTER TABLE clips ADD COLUMN platform varchar(50), ADD COLUMN uploader_account varchar(200), ADD COLUMN territory varchar(2)`);
    await q.query(`ALTER TABLE clips ADD COLUMN used_on date`);
    await q.query(`UPDATE clips SET used_on = received_at::date`);
    await q.query(`ALTER TABLE clips ALTER COLUMN used_on SET NOT NULL`);
    await q.query(`CREATE INDEX ix_clips_received_at ON clips (received_at)`);

    await q.query(`
      ALTER TABLE clip_matches ADD COLUMN verdict varchar(16)
        CONSTRAINT clip_matches_verdict_check CHECK (verdict IN ('licensed', 'case_opened'))`);
    await q.query(`ALTER TABLE clip_matches ADD COLUMN licence_id uuid`);
    await q.query(`ALTER TABLE clip_matches ADD CONSTRAINT clip_matches_licence_id_fkey FOREIGN KEY (licence_id) REFERENCES licences(id) ON DELETE RESTRICT`);

    await q.query(`
      CREATE TABLE cases (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        clip_id uuid NOT NULL REFERENCES clips(id) ON DELETE RESTRICT,
        match_id uuid NOT NULL UNIQUE REFERENCES clip_matches(id) ON DELETE RESTRICT,
        registration_id uuid NOT NULL REFERENCES registrations(id) ON DELETE RESTRICT,
        work_id uuid NOT NULL REFERENCES works(id) ON DELETE RESTRICT,
        status varchar(16) NOT NULL DEFAULT 'open' CONSTRAINT cases_status_check CHECK (status IN ('open', 'claimed', 'confirmed', 'dismissed')),
        score double precision NOT NULL,
        assignee_id uuid REFERENCES accounts(id) ON DELETE RESTRICT,
        decided_at timestamptz,
        decision_reason text,
        opened_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_cases_clip_registration UNIQUE (clip_id, registration_id)
      )`);
    await q.query(`CREATE INDEX ix_cases_work ON cases (work_id)`);
    await q.query(`CREATE INDEX ix_cases_status ON cases (status)`);
    await q.query(`
      CREATE TABLE case_notes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases(id) ON DELETE RESTRICT,
        author_id uuid NOT NULL REFERENCES accounts(id) ON DELETE RESTRICT,
        text text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX ix_case_notes_case ON case_notes (case_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE case_notes`);
    await q.query(`DROP TABLE cases`);
    await q.query(`ALTER TABLE clip_matches DROP COLUMN licence_id, DROP COLUMN verdict`);
    await q.query(`DROP INDEX ix_clips_received_at`);
    await q.query(`ALTER TABLE clips DROP COLUMN used_on, DROP COLUMN territory, DROP COLUMN uploader_account, DROP COLUMN platform, DROP COLUMN purpose, DROP COLUMN submitted_by`);
    await q.query(`DROP TABLE licences`);
    await q.query(`DROP TABLE conflict_matches`);
    await q.query(`DROP TABLE registration_conflicts`);
    await q.query(`ALTER TABLE registrations DROP CONSTRAINT registrations_status_check`);
    await q.query(`
      ALTER TABLE registrations ADD CONSTRAINT registrations_status_check
        CHECK (status IN ('queued', 'fingerprinting', 'registered', 'failed'))`);
  }
}
