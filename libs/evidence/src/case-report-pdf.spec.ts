import { CaseReport } from './case-report';
import { caseReportPdf } from './case-report-pdf';

const report: CaseReport = {
  case: { id: 'c1', status: 'confirmed', openedAt: '2026-03-02T10:00:00.000Z', decidedAt: '2026-03-03T09:00:00.000Z', decisionReason: 'full scene re-uploaded' },
  work: { id: 'w1', title: 'The Secret Bride', originalTitle: '秘密新娘' },
  holder: { id: 'h1', name: 'Golden Reel Studio' },
  registration: { number: 'DG-2026-000001', registeredAt: '2026-03-01T10:00:00.000Z', certificateSha256: 'ab'.repeat(32) },
  episode: { number: 1, title: 'The contract' },
  clip: { id: 'k1', sha256: 'cd'.repeat(32), fileName: 'suspect.mp4', platform: 'douyin', uploaderAccount: '@copier', territory: 'SG', usedOn: '2026-03-02', receivedAt: '2026-03-02T09:59:00.000Z' },
  score: 0.91234,
  mirrored: true,
  signals: ['picture', 'audio'],
  audio: { score: 0.8, speed: 1, pitchChanged: false, agreement: 'agrees' },
  edits: {
    mirrored: true,
    speed: 1,
    rotationDegrees: 0,
    episodeRect: { x0: 0.1, y0: 0, x1: 0.9, y1: 1 },
    clipRect: { x0: 0.3, y0: 0, x1: 0.7, y1: 1 },
    crop: { width: 0.8, height: 1 },
    framing: 'pillarbox',
    pictureInPicture: null,
    audio: null,
    summary: ['mirrored', 'crop 80%×100%', 'pillarbox'],
  },
  segments: [
    { id: 's1', clipStart: 0, clipEnd: 6, episodeStart: 4, episodeEnd: 10, speed: 1, score: 0.95, image: { url: '/cases/c1/evidence/s1.png', sha256: 'ee'.repeat(32) } },
    { id: 's2', clipStart: 6.5, clipEnd: 9, episodeStart: 20, episodeEnd: 22.5, speed: 1, score: 0.8, image: { url: '/cases/c1/evidence/s2.png', sha256: 'ff'.repeat(32) } },
  ],
};

describe('caseReportPdf', () => {
  const images = new Map([
    ['s1', Buffer.from('png one')],
    ['s2', Buffer.from('png two')],
  ]);
  const spec = caseReportPdf(report, images);

  it('states the case, both titles and the certificate digest', () => {
    expect(spec.title).toBe('Infringement report: The Secret Bride, episode 1');
    const fields = spec.blocks.find((b) => b.kind === 'fields');
    expect(fields).toMatchObject({ kind: 'fields' });
    const rows = new Map(fields!.kind === 'fields' ? fields!.rows : []);
    expect(rows.get('Work')).toBe('The Secret Bride (秘密新娘)');
    expect(rows.get('Registration certificate SHA-256')).toBe('ab'.repeat(32));
    expect(rows.get('Found on')).toBe('douyin / @copier / SG');
    expect(rows.get('Decided')).toBe('2026-03-03T09:00:00.000Z: full scene re-uploaded');
  });

  it('states how the clip edits the episode and where the picture is in each frame', () => {
    const fields = spec.blocks.find((b) => b.kind === 'fields');
    const rows = new Map(fields!.kind === 'fields' ? fields!.rows : []);
    expect(rows.get('Signals')).toBe('picture + audio');
    expect(rows.get('Edits')).toBe('mirrored · crop 80%×100% · pillarbox');
    expect(rows.get('Episode picture shown')).toBe('10%–90% across, 0%–100% down of the episode frame');
    expect(rows.get('Shown in the clip at')).toBe('30%–70% across, 0%–100% down of the clip frame');
  });

  it('lists every segment in a table and shows each image with its digest', () => {
    const table = spec.blocks.find((b) => b.kind === 'table');
    expect(table).toMatchObject({ rows: [['1', '0.00 s – 6.00 s', '4.00 s – 10.00 s', '1.000', '0.950'], ['2', '6.50 s – 9.00 s', '20.00 s – 22.50 s', '1.000', '0.800']] });
    const shown = spec.blocks.filter((b) => b.kind === 'image');
    expect(shown.map((b) => b.kind === 'image' && b.png.toString())).toEqual(['png one', 'png two']);
    expect(shown[1]).toMatchObject({ caption: expect.stringContaining(`Image SHA-256 ${'ff'.repeat(32)}`) });
  });

  it('leaves out undecided fields and a segment without its image', () => {
    const open = caseReportPdf({ ...report, case: { ...report.case, decidedAt: null, decisionReason: null } }, new Map([['s1', Buffer.from('x')]]));
    const fields = open.blocks.find((b) => b.kind === 'fields');
    expect(fields!.kind === 'fields' && fields!.rows.map(([label]) => label)).not.toContain('Decided');
    expect(open.blocks.filter((b) => b.kind === 'image')).toHaveLength(1);
  });
});
