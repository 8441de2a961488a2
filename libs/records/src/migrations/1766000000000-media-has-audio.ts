import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Whether an uploaded video has a soundtrack, as the upload's probe found:
 * the worker that fingerprints it then starts no second ffprobe to ask again.
 * Null for rows written before, whose worker still probes.
 */
export class MediaHasAudio1766000000000 implements MigrationInterface {
  name = 'MediaHasAudio1766000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE clips ADD COLUMN has_audio boolean`);
    await q.query(`ALTER TABLE registrations ADD COLUMN has_audio boolean`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE registrations DROP COLUMN has_audio`);
    await q.query(`ALTER TABLE clips DROP COLUMN has_audio`);
  }
}
