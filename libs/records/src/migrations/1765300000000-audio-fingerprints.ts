import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The second signal: each registration's soundtrack fingerprint with its own
 * share marks, each clip's soundtrack at every speed correction, the shards'
 * audio answers, and which signals back each match and segment. Matches made
 * before carry the picture alone.
 */
export class AudioFingerprints1765300000000 implements MigrationInterface {
  name = 'AudioFingerprints1765300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE fingerprints ADD COLUMN audio bytea, ADD COLUMN audio_shares bytea`);
    await q.query(`ALTER TABLE clips ADD COLUMN audio bytea`);
    await q.query(`ALTER TABLE shard_answers ADD COLUMN audio jsonb`);
    await q.query(`ALTER TABLE clip_matches ADD COLUMN signals text[] NOT NULL DEFAULT '{picture}', ADD COLUMN audio jsonb`);
    await q.query(`ALTER TABLE match_segments ADD COLUMN signals text[] NOT NULL DEFAULT '{picture}'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE match_segments DROP COLUMN signals`);
    await q.query(`ALTER TABLE clip_matches DROP COLUMN signals, DROP COLUMN audio`);
    await q.query(`ALTER TABLE shard_answers DROP COLUMN audio`);
    await q.query(`ALTER TABLE clips DROP COLUMN audio`);
    await q.query(`ALTER TABLE fingerprints DROP COLUMN audio, DROP COLUMN audio_shares`);
  }
}
