import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Per-work policies (track, review, takedown) by territory and platform, the
 * policy in force recorded on each match and case, the `tracked` verdict, the
 * `released` case status, and the uploader's disputes with their deadlines.
 */
export class PoliciesAndDisputes1765200000000 implements MigrationInterface {
  name = 'PoliciesAndDisputes1765200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE policies (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        work_id uuid NOT NULL CONSTRAINT policies_work_id_fkey REFERENCES works(id) ON DELETE RESTRICT,
        territory varchar(8) NOT NULL,
        platform varchar(64) NOT NULL,
        action varchar(16) NOT NULL CONSTRAINT policies_action_check CHECK (action IN ('track', 'review', 'takedown')),
        takedown_min_score double precision,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT policies_takedown_score_check CHECK ((action = 'takedown') = (takedown_min_score IS NOT NULL)),
        CONSTRAINT uq_policies_work_territory_platform UNIQUE (work_id, territory, platform)
      )`);
    await q.query(`CREATE INDEX ix_policies_work ON policies (work_id)`);

    await q.query(`ALTER TABLE clip_matches DROP CONSTRAINT clip_matches_verdict_check`);
    await q.query(`ALTER TABLE clip_matches ADD CONSTRAINT clip_matches_verdict_check CHECK (verdict IN ('licensed', 'tracked', 'case_opened'))`);
    await q.query(`ALTER TABLE clip_matches ADD COLUMN policy jsonb`);
    await q.query(`ALTER TABLE cases DROP CONSTRAINT cases_status_check`);
    await q.query(`ALTER TABLE cases ADD CONSTRAINT cases_status_check CHECK (status IN ('open', 'claimed', 'confirmed', 'dismissed', 'released'))`);
    await q.query(`ALTER TABLE cases ADD COLUMN policy jsonb`);

    await q.query(`
      CREATE TABLE disputes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL UNIQUE CONSTRAINT disputes_case_id_fkey REFERENCES cases(id) ON DELETE RESTRICT,
        channel varchar(16) NOT NULL CONSTRAINT disputes_channel_check CHECK (channel IN ('token', 'licensee')),
        disputant_id uuid CONSTRAINT disputes_disputant_id_fkey REFERENCES accounts(id) ON DELETE RESTRICT,
        status varchar(16) NOT NULL CONSTRAINT disputes_status_check CHECK (status IN ('open', 'upheld', 'appealed', 'released', 'appeal_rejected')),
        reason text NOT NULL,
        answer_due_at timestamptz NOT NULL,
        answered_at timestamptz,
        answer_reason text,
        appealed_at timestamptz,
        appeal_reason text,
        appeal_decided_at timestamptz,
        appeal_decision_reason text,
        opened_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX ix_disputes_status ON disputes (status)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE disputes`);
    await q.query(`ALTER TABLE cases DROP COLUMN policy`);
    await q.query(`ALTER TABLE cases DROP CONSTRAINT cases_status_check`);
    await q.query(`ALTER TABLE cases ADD CONSTRAINT cases_status_check CHECK (status IN ('open', 'claimed', 'confirmed', 'dismissed'))`);
    await q.query(`ALTER TABLE clip_matches DROP COLUMN policy`);
    await q.query(`ALTER TABLE clip_matches DROP CONSTRAINT clip_matches_verdict_check`);
    await q.query(`ALTER TABLE clip_matches ADD CONSTRAINT clip_matches_verdict_check CHECK (verdict IN ('licensed', 'case_opened'))`);
    await q.query(`DROP TABLE policies`);
  }
}
