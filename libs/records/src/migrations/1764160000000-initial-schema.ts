import { MigrationInterface, QueryRunner } from 'typeorm';

/** Works, episodes and their registrations, fingerprints, suspect clips and their matches. */
export class InitialSchema1764160000000 implements MigrationInterface {
  name = 'InitialSchema1764160000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SEQUENCE registration_number_seq`);
    await q.query(`
      CREATE TABLE works (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        rights_holder varchar(200) NOT NULL,
        title varchar(300) NOT NULL,
        original_title varchar(300),
        year int,
        language varchar(35),
        episode_count int NOT NULL,
        metadata jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE episodes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        work_id uuid NOT NULL REFERENCES works(id) ON DELETE RESTRICT,
        number int NOT NULL,
        title varchar(300) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_episodes_work_number UNIQUE (work_id, number)
      )`);
    await q.query(`
      CREATE TABLE registrations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        number varchar(32) NOT NULL UNIQUE,
        episode_id uuid NOT NULL UNIQUE REFERENCES episodes(id) ON DELETE RESTRICT,
        sha256 char(64) NOT NULL UNIQUE,
        media_key varchar(200) NOT NULL,
        file_name varchar(255) NOT NULL,
        size_bytes bigint NOT NULL,
        duration_seconds double precision NOT NULL,
        width int NOT NULL,
        height int NOT NULL,
        status varchar(16) NOT NULL DEFAULT 'queued'
          CHECK (status IN ('queued', 'fingerprinting', 'registered', 'failed')),
        progress smallint NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
        failure_reason text,
        received_at timestamptz NOT NULL DEFAULT now(),
        fingerprinting_started_at timestamptz,
        registered_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE fingerprints (
        registration_id uuid PRIMARY KEY REFERENCES registrations(id) ON DELETE CASCADE,
        seq bigserial NOT NULL UNIQUE,
        fps smallint NOT NULL,
        frame_count int NOT NULL,
        data bytea NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE clips (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        sha256 char(64) NOT NULL,
        media_key varchar(200) NOT NULL,
        file_name varchar(255) NOT NULL,
        size_bytes bigint NOT NULL,
        duration_seconds double precision NOT NULL,
        width int NOT NULL,
        height int NOT NULL,
        status varchar(16) NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'matching', 'done', 'failed')),
        progress smallint NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
        failure_reason text,
        received_at timestamptz NOT NULL DEFAULT now(),
        matched_at timestamptz
      )`);
    await q.query(`CREATE INDEX ix_clips_sha256 ON clips (sha256)`);
    await q.query(`
      CREATE TABLE clip_matches (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        clip_id uuid NOT NULL REFERENCES clips(id) ON DELETE CASCADE,
        registration_id uuid NOT NULL REFERENCES registrations(id) ON DELETE RESTRICT,
        score double precision NOT NULL,
        mirrored boolean NOT NULL,
        region jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_clip_matches_clip_registration UNIQUE (clip_id, registration_id)
      )`);
    await q.query(`
      CREATE TABLE match_segments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        match_id uuid NOT NULL REFERENCES clip_matches(id) ON DELETE CASCADE,
        clip_start double precision NOT NULL,
        clip_end double precision NOT NULL,
        episode_start double precision NOT NULL,
        episode_end double precision NOT NULL,
        speed double precision NOT NULL,
        matched_frames int NOT NULL,
        score double precision NOT NULL
      )`);
    await q.query(`CREATE INDEX ix_match_segments_match ON match_segments (match_id)`);
    await q.query(`CREATE INDEX ix_clip_matches_registration ON clip_matches (registration_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['match_segments', 'clip_matches', 'clips', 'fingerprints', 'registrations', 'episodes', 'works']) {
      await q.query(`DROP TABLE ${table}`);
    }
    await q.query(`DROP SEQUENCE registration_number_seq`);
  }
}
