import { CaseReport, caseReportHtml } from './case-report';

const report: CaseReport = {
  case: { id: 'c1', status: 'open', openedAt: '2026-03-02T10:00:00.000Z', decidedAt: null, decisionReason: null },
  work: { id: 'w1', title: 'The Secret Bride', originalTitle: null },
  holder: { id: 'h1', name: 'Golden Reel Studio' },
  registration: { number: 'DG-2026-000001', registeredAt: '2026-03-01T10:00:00.000Z', certificateSha256: 'ab'.repeat(32) },
  episode: { number: 1, title: 'The contract' },
  clip: { id: 'k1', sha256: 'cd'.repeat(32), fileName: 'suspect.mp4', platform: null, uploaderAccount: null, territory: null, usedOn: '2026-03-02', receivedAt: '2026-03-02T09:59:00.000Z' },
  score: 0.9,
  mirrored: false,
  signals: ['picture'],
  audio: null,
  edits: {
    mirrored: false,
    speed: 1,
    rotationDegrees: 0,
    episodeRect: { x0: 0, y0: 0, x1: 1, y1: 1 },
    clipRect: { x0: 0.55, y0: 0.035, x1: 0.95, y1: 0.435 },
    crop: null,
    framing: 'inset',
    pictureInPicture: { position: 'top-right', rect: { x0: 0.55, y0: 0.035, x1: 0.95, y1: 0.435 } },
    audio: null,
    summary: ['picture-in-picture top-right, 40%×40% of the frame'],
  },
  segments: [],
};

describe('caseReportHtml', () => {
  it('states the edits and where the picture is in each frame', () => {
    const html = caseReportHtml(report, new Map());
    expect(html).toContain('<tr><th>Edits</th><td>picture-in-picture top-right, 40%×40% of the frame</td></tr>');
    expect(html).toContain('<tr><th>Shown in the clip at</th><td>55%–95% across, 4%–44% down of the clip frame</td></tr>');
  });

  it('says so when the edits of an older match were not recorded', () => {
    expect(caseReportHtml({ ...report, edits: null }, new Map())).toContain('<tr><th>Edits</th><td>not recorded (matched before edits were recorded)</td></tr>');
  });
});
