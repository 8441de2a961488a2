import { Injectable } from '@nestjs/common';
import type { AudioMatch } from '@dramaguard/audio';
import type { EpisodeMatch } from '@dramaguard/matcher';
import { DataSource, EntityManager } from 'typeorm';
import { CarriedEpisode, ShardAnswerEntity, ShardSubject, WindowGeometry, WindowPlan } from '../entities';

export type ShardAnswer =
  | { readonly indexSeq: string; readonly matches: EpisodeMatch[]; readonly audio?: AudioMatch[] | null; readonly registered?: readonly CarriedEpisode[] }
  | { readonly geometry: readonly WindowGeometry[] }
  | { readonly plan: readonly WindowPlan[]; readonly indexSeq: string }
  | { readonly failure: string };

/** An answer's columns, null where its kind has none: what a row of it holds, as `of` reads it back. */
export type AnswerFields = Pick<ShardAnswerEntity, 'indexSeq' | 'matches' | 'audio' | 'registered' | 'geometry' | 'plan' | 'failure'>;

export function answerFields(answer: ShardAnswer): AnswerFields {
  const found = 'matches' in answer ? answer : null;
  return {
    indexSeq: 'indexSeq' in answer ? answer.indexSeq : null,
    matches: found?.matches ?? null,
    audio: found?.audio ?? null,
    registered: found?.registered ? [...found.registered] : null,
    geometry: 'geometry' in answer ? [...answer.geometry] : null,
    plan: 'plan' in answer ? [...answer.plan] : null,
    failure: 'failure' in answer ? answer.failure : null,
  };
}

const COLUMNS = `subject_type, subject_id, shard, index_seq::text AS index_seq, matches, audio, registered, geometry, plan, failure, answered_at`;

interface AnswerRow {
  subject_type: ShardSubject;
  subject_id: string;
  shard: number;
  index_seq: string | null;
  matches: EpisodeMatch[] | null;
  audio: AudioMatch[] | null;
  registered: CarriedEpisode[] | null;
  geometry: WindowGeometry[] | null;
  plan: WindowPlan[] | null;
  failure: string | null;
  answered_at: Date;
}

/**
 * The shards' answers, in plain SQL: every shard writes and reads them several
 * times per clip on its main thread, where TypeORM's query building and entity
 * mapping took three times the CPU of the plain statements (0.48 against 0.16
 * ms a read, 0.73 against 0.26 a write; docs/BENCHMARK.md, section 50).
 */
@Injectable()
export class ShardAnswerRepository {
  constructor(private readonly db: DataSource) {}

  /**
   * Records (or replaces) answers on several subjects or shards of one id, in one statement: no
   * reader sees one without the others, nor clears one before the others are
   * written, and a worker answering for several shards pays one round trip,
   * not a transaction's four or more. Answers each subject's count of shards,
   * counted once written: counted inside, two shards answering at once would
   * each miss the other's.
   */
  async recordTogether(subjectId: string, answers: readonly (readonly [ShardSubject, number, ShardAnswer])[]): Promise<Map<ShardSubject, number>> {
    const json = (value: unknown) => (value === null ? null : JSON.stringify(value));
    const rows = answers.map(([subjectType, shard, answer]) => {
      const f = answerFields(answer);
      return [subjectType, subjectId, shard, f.indexSeq, json(f.matches), json(f.audio), json(f.registered), json(f.geometry), json(f.plan), f.failure, new Date()];
    });
    const values = rows.map((row, r) => `(${row.map((_, c) => `$${r * row.length + c + 1}`).join(', ')})`).join(', ');
    await this.db.query(
      `INSERT INTO shard_answers (subject_type, subject_id, shard, index_seq, matches, audio, registered, geometry, plan, failure, answered_at)
       VALUES ${values}
       ON CONFLICT (subject_type, subject_id, shard) DO UPDATE SET index_seq = EXCLUDED.index_seq, matches = EXCLUDED.matches, audio = EXCLUDED.audio,
         registered = EXCLUDED.registered, geometry = EXCLUDED.geometry, plan = EXCLUDED.plan, failure = EXCLUDED.failure, answered_at = EXCLUDED.answered_at`,
      rows.flat(),
    );
    const subjects = [...new Set(answers.map(([subjectType]) => subjectType))];
    const counted = (await this.db.query(
      `SELECT subject_type, count(*)::int AS n FROM shard_answers WHERE subject_type = ANY($1::varchar[]) AND subject_id = $2 GROUP BY subject_type`,
      [subjects, subjectId],
    )) as { subject_type: ShardSubject; n: number }[];
    return new Map(subjects.map((subject) => [subject, counted.find((c) => c.subject_type === subject)?.n ?? 0]));
  }

  /** Forgets a subject's answers, of one type or several, in one statement: merged, or about to be asked again. */
  async clear(subjectTypes: ShardSubject | readonly ShardSubject[], subjectId: string, em: EntityManager = this.db.manager): Promise<void> {
    await em.query(`DELETE FROM shard_answers WHERE subject_type = ANY($1::varchar[]) AND subject_id = $2`, [[subjectTypes].flat(), subjectId]);
  }

  /** A subject's answers, of one type or several, by shard. */
  async of(subjectTypes: ShardSubject | readonly ShardSubject[], subjectId: string, em: EntityManager = this.db.manager): Promise<ShardAnswerEntity[]> {
    const rows = (await em.query(`SELECT ${COLUMNS} FROM shard_answers WHERE subject_type = ANY($1::varchar[]) AND subject_id = $2 ORDER BY shard`, [[subjectTypes].flat(), subjectId])) as AnswerRow[];
    return rows.map((r) => ({
      subjectType: r.subject_type,
      subjectId: r.subject_id,
      shard: r.shard,
      indexSeq: r.index_seq,
      matches: r.matches,
      audio: r.audio,
      registered: r.registered,
      geometry: r.geometry,
      plan: r.plan,
      failure: r.failure,
      answeredAt: r.answered_at,
    }));
  }
}
