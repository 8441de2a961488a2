import { dataSourceOptions, FingerprintRepository } from '@dramaguard/records';
import { DataSource } from 'typeorm';
import { testDatabase } from './support/test-config';
import { freshDatabase } from './support/test-database';

/**
 * The index follows the fingerprints table by seq, a batch at a time, against
 * the real database: a batch must end at the highest seq it holds, or the
 * rows between its end and the next batch's start are never indexed (the sync
 * once ordered by the text of the seq, and lost a quarter of a 1,000-hour
 * registry: "10" sorts before "9"). A clip's merge looks by seq too, for
 * registrations newer than the index each shard answered from.
 */
describe('fingerprint sync by seq', () => {
  const db = testDatabase('dramaguard_test_sync');
  let ds: DataSource;
  let repo: FingerprintRepository;

  beforeAll(async () => {
    await freshDatabase(db);
    ds = await new DataSource(dataSourceOptions(db)).initialize();
    repo = new FingerprintRepository(ds);
    const [{ id: owner }] = await ds.query(`INSERT INTO accounts (name, role) VALUES ('holder', 'rights_holder') RETURNING id`);
    // Two shards' works, and seqs that cross from one digit to two and from two to three.
    for (let shard = 0; shard < 2; shard++) {
      const [{ id: work }] = await ds.query(
        `INSERT INTO works (rights_holder, title, episode_count, metadata, owner_id, shard) VALUES ('holder', $1, 60, '{}', $2, $3) RETURNING id`,
        [`work ${shard}`, owner, shard],
      );
      for (let n = 1; n <= 60; n++) {
        const [{ id: episode }] = await ds.query(`INSERT INTO episodes (work_id, number, title) VALUES ($1, $2, 'e') RETURNING id`, [work, n]);
        const [{ id: registration }] = await ds.query(
          `INSERT INTO registrations (number, episode_id, sha256, media_key, file_name, size_bytes, duration_seconds, width, height, status)
           VALUES ($1::text, $2, encode(sha256(convert_to($1::text, 'UTF8')), 'hex'), 'k', 'f.mp4', 1, 1, 2, 2, 'registered') RETURNING id`,
          [`T-${shard}-${n}`, episode],
        );
        await ds.query(`INSERT INTO fingerprints (registration_id, fps, frame_count, data) VALUES ($1, 8, 1, '\\x00')`, [registration]);
      }
    }
  });

  afterAll(() => ds?.destroy());

  it('walks every row of a shard once, in seq order, whatever the batch size', async () => {
    const all = (await ds.query(`SELECT seq::text AS seq FROM fingerprints f JOIN registrations r ON r.id = f.registration_id
      JOIN episodes e ON e.id = r.episode_id JOIN works w ON w.id = e.work_id WHERE w.shard = 1 ORDER BY f.seq`)) as { seq: string }[];
    expect(all).toHaveLength(60);
    for (const batch of [7, 25, 1000]) {
      const seen: string[] = [];
      let after = '0';
      for (;;) {
        const { rows, scanned, scannedTo } = await repo.since(after, batch, [1]);
        if (!scannedTo) break;
        seen.push(...rows.map((r) => r.seq));
        after = scannedTo;
        if (scanned < batch) break;
      }
      expect(seen).toEqual(all.map((r) => r.seq));
    }
  });

  it('finds the registrations written after each shard’s own index seq, in one query for every shard', async () => {
    const rows = (await ds.query(`SELECT f.registration_id AS id, f.seq::text AS seq, w.shard FROM fingerprints f JOIN registrations r ON r.id = f.registration_id
      JOIN episodes e ON e.id = r.episode_id JOIN works w ON w.id = e.work_id ORDER BY f.seq`)) as { id: string; seq: string; shard: number }[];
    const of = (shard: number) => rows.filter((r) => r.shard === shard);
    // Shard 0's index is nearly up to date and shard 1's far behind: paired the wrong way round, the answer differs.
    const since = [
      { shard: 0, seq: of(0)[57].seq },
      { shard: 1, seq: of(1)[29].seq },
    ];
    const late = await ds.transaction((em) => repo.registeredAfter(em, since));
    expect(late.sort()).toEqual([...of(0).slice(58), ...of(1).slice(30)].map((r) => r.id).sort());
    expect(await ds.transaction((em) => repo.registeredAfter(em, [since[1]]))).toHaveLength(30);
    expect(await ds.transaction((em) => repo.registeredAfter(em, []))).toEqual([]);
  });
});
