import { auditHash, CHAIN_START, checkChain } from './audit-chain';

const entry = (n: number) => ({
  at: new Date(Date.UTC(2026, 10, 29, 12, 0, n)),
  actorId: null,
  action: 'case.claimed',
  subjectType: 'case',
  subjectId: `00000000-0000-4000-8000-00000000000${n}`,
  before: { status: 'open' },
  after: { status: 'claimed', n },
});

function chain(count: number) {
  let previous = CHAIN_START;
  return Array.from({ length: count }, (_, i) => {
    const e = entry(i);
    const hash = auditHash(previous, e);
    const row = { ...e, id: String(i + 1), prevHash: previous, hash };
    previous = hash;
    return row;
  });
}

describe('the audit hash chain', () => {
  it('hashes the same entry the same way whatever the order of its fields', () => {
    const e = entry(1);
    expect(auditHash(CHAIN_START, e)).toBe(auditHash(CHAIN_START, { after: e.after, before: e.before, subjectId: e.subjectId, subjectType: e.subjectType, action: e.action, actorId: null, at: e.at }));
    expect(auditHash(CHAIN_START, e)).toMatch(/^[0-9a-f]{64}$/);
    expect(auditHash('1'.repeat(64), e)).not.toBe(auditHash(CHAIN_START, e));
  });

  it('accepts an untouched log and answers its head', () => {
    const rows = chain(4);
    expect(checkChain(rows, CHAIN_START)).toEqual({ checked: 4, brokenAt: null, head: rows[3].hash });
  });

  it('finds the first entry edited, removed or inserted afterwards', () => {
    const edited = chain(4).map((r) => (r.id === '3' ? { ...r, after: { status: 'dismissed' } } : r));
    expect(checkChain(edited, CHAIN_START)).toMatchObject({ checked: 2, brokenAt: '3' });
    const removed = chain(4).filter((r) => r.id !== '2');
    expect(checkChain(removed, CHAIN_START)).toMatchObject({ brokenAt: '3' });
  });
});
