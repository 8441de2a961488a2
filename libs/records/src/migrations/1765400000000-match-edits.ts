import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * How each match's clip edits the episode (mirror, speed, crop, bars, picture
 * in picture), as the matcher found it. Matches stored before stay null: the
 * geometry behind them was not kept.
 */
export class MatchEdits1765400000000 implements MigrationInterface {
  name = 'MatchEdits1765400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE clip_matches ADD COLUMN edits jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE clip_matches DROP COLUMN edits`);
  }
}
