import { randomUUID } from 'node:crypto';
import { IdTable } from './id-table';

describe('IdTable', () => {
  it('numbers ids in order and gives each back as it was added, uuid or not', () => {
    const t = new IdTable();
    const ids = [randomUUID(), 'ep-1', randomUUID().toUpperCase(), '0123456789abcdef0123456789abcdef0123', randomUUID()];
    ids.forEach((id, i) => expect(t.add(id)).toBe(i));
    ids.forEach((id, i) => {
      expect(t.find(id)).toBe(i);
      expect(t.idAt(i)).toBe(id);
    });
    expect(t.find(randomUUID())).toBe(-1);
    expect(t.find(ids[0].toUpperCase())).toBe(-1);
    expect(t.size).toBe(ids.length);
  });

  it('finds an id added again at its latest number, and nothing once forgotten; the numbers keep their ids', () => {
    const t = new IdTable();
    const a = randomUUID();
    t.add(a);
    t.add('b');
    expect(t.add(a)).toBe(2);
    expect(t.find(a)).toBe(2);
    expect(t.size).toBe(2);
    t.forget(a);
    t.forget('b');
    t.forget('never added');
    expect(t.find(a)).toBe(-1);
    expect(t.find('b')).toBe(-1);
    expect(t.size).toBe(0);
    expect([t.idAt(0), t.idAt(1), t.idAt(2)]).toEqual([a, 'b', a]);
    expect(t.add('b')).toBe(3);
    expect(t.find('b')).toBe(3);
  });

  it('answers as a Map does over many adds, re-adds and forgets (its table growing and dropping what is forgotten)', () => {
    const t = new IdTable();
    const model = new Map<string, number>();
    const pool = Array.from({ length: 3000 }, (_, i) => (i % 10 === 0 ? `work-${i}` : randomUUID()));
    let seed = 7;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % pool.length;
    for (let step = 0; step < 20000; step++) {
      const id = pool[next()];
      if (step % 3 === 2) {
        t.forget(id);
        model.delete(id);
      } else model.set(id, t.add(id));
    }
    expect(t.size).toBe(model.size);
    for (const id of pool) expect(t.find(id)).toBe(model.get(id) ?? -1);
    for (const [id, n] of model) expect(t.idAt(n)).toBe(id);
    expect(t.byteLength).toBeLessThan(t.length * 16 + 4 * 16384 + 256 * 1024);
  });
});
