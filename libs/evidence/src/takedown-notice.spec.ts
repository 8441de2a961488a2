import type { CaseReport } from './case-report';
import type { Certificate } from './certificate';
import { takedownNoticeOf } from './takedown-notice';

const report: CaseReport = {
  case: { id: 'c1', status: 'confirmed', openedAt: '2026-03-02T10:00:00.000Z', decidedAt: '2026-03-02T10:00:01.000Z', decisionReason: 'takedown policy' },
  work: { id: 'w1', title: 'The Secret Bride', originalTitle: null },
  holder: { id: 'h1', name: 'Golden Reel Studio' },
  registration: { number: 'DG-2026-000001', registeredAt: '2026-03-01T10:00:00.000Z', certificateSha256: 'ab'.repeat(32) },
  episode: { number: 1, title: 'The contract' },
  clip: {
    id: 'k1',
    sha256: 'cd'.repeat(32),
    fileName: 'suspect.mp4',
    platform: 'douyin',
    uploaderAccount: '@pirate',
    territory: 'MY',
    usedOn: '2026-03-02',
    receivedAt: '2026-03-02T09:59:00.000Z',
  },
  score: 0.93,
  mirrored: false,
  signals: ['picture'],
  audio: null,
  edits: null,
  segments: [{ id: 's1', clipStart: 0, clipEnd: 6, episodeStart: 4, episodeEnd: 10, speed: 1, score: 0.93, image: { url: '/cases/c1/evidence/s1.png', sha256: 'ef'.repeat(32) } }],
};
const certificate = { type: 'dramaguard.registration-certificate', registrationNumber: 'DG-2026-000001' } as unknown as Certificate;
const policy = { policyId: 'p1', action: 'takedown' as const, territory: '*', platform: 'douyin', takedownMinScore: 0.9 };

describe('takedownNoticeOf', () => {
  const notice = takedownNoticeOf({ report, policy, certificate, certificateSignature: 'c2ln', disputeToken: 'tok', answerDays: 14 });

  it('is addressed to the platform and uploader the clip was found with, dated by the confirmation', () => {
    expect(notice.to).toEqual({ platform: 'douyin', uploaderAccount: '@pirate', territory: 'MY', usedOn: '2026-03-02' });
    expect(notice.issuedAt).toBe('2026-03-02T10:00:01.000Z');
    expect(notice.case).toEqual({ id: 'c1', confirmedAt: '2026-03-02T10:00:01.000Z', decisionReason: 'takedown policy', policy });
  });

  it('carries the evidence, the certificate with its signature, every report format and how to dispute', () => {
    expect(notice.segments).toBe(report.segments);
    expect(notice.registration).toEqual({ ...report.registration, certificate, certificateSignature: 'c2ln' });
    expect(notice.reports).toEqual({ json: '/cases/c1/report', html: '/cases/c1/report.html', pdf: '/cases/c1/report.pdf' });
    expect(notice.dispute).toMatchObject({ caseId: 'c1', token: 'tok', answerDays: 14, how: expect.stringContaining('POST /disputes') });
  });
});
