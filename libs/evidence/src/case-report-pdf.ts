import type { PdfBlock, PdfDocumentSpec } from '@dramaguard/pdf';
import { CaseReport, EVIDENCE_NOTE } from './case-report';
import { editRows } from './edit-rows';

const seconds = (s: number): string => `${s.toFixed(2)} s`;

/**
 * The case report as a printable document for platforms and courts: the HTML
 * report's facts and three more (when the clip was received, the case opened
 * and was decided), a table of the matched segments, then each
 * segment's evidence image with its SHA-256 (the digest the JSON report
 * quotes for it).
 */
export function caseReportPdf(r: CaseReport, images: ReadonlyMap<string, Buffer>): PdfDocumentSpec {
  const title = `Infringement report: ${r.work.title}, episode ${r.episode.number}`;
  const found = [r.clip.platform, r.clip.uploaderAccount, r.clip.territory].filter(Boolean).join(' / ');
  const fields: Array<readonly [string, string]> = [
    ['Rights holder', r.holder.name],
    ['Work', r.work.originalTitle ? `${r.work.title} (${r.work.originalTitle})` : r.work.title],
    ['Episode', `${r.episode.number}: ${r.episode.title}`],
    ['Registration number', r.registration.number],
    ['Registered', r.registration.registeredAt ?? '—'],
    ['Registration certificate SHA-256', r.registration.certificateSha256],
    ['Clip SHA-256', r.clip.sha256],
    ['Clip file', r.clip.fileName],
    ['Clip received', r.clip.receivedAt],
    ['Found on', found || '—'],
    ['Day of use', r.clip.usedOn],
    ['Match score', r.score.toFixed(3)],
    ['Mirrored', r.mirrored ? 'yes' : 'no'],
    ...editRows(r.signals, r.edits, r.audio),
    ['Case', `${r.case.id} (${r.case.status})`],
    ['Case opened', r.case.openedAt],
    ...(r.case.decidedAt ? [['Decided', `${r.case.decidedAt}: ${r.case.decisionReason ?? ''}`] as const] : []),
  ];
  const segments = r.segments.map((s, i) => [
    String(i + 1),
    `${seconds(s.clipStart)} – ${seconds(s.clipEnd)}`,
    `${seconds(s.episodeStart)} – ${seconds(s.episodeEnd)}`,
    s.speed.toFixed(3),
    s.score.toFixed(3),
  ]);
  const evidence: PdfBlock[] = r.segments.flatMap((s, i) => {
    const png = images.get(s.id);
    if (!png) return [];
    return [{ kind: 'image' as const, png, caption: `Segment ${i + 1}: clip ${seconds(s.clipStart)} – ${seconds(s.clipEnd)} = episode ${seconds(s.episodeStart)} – ${seconds(s.episodeEnd)}. Image SHA-256 ${s.image.sha256}` }];
  });
  return {
    title,
    footer: `DramaGuard case ${r.case.id}`,
    blocks: [
      { kind: 'title', text: title },
      { kind: 'fields', rows: fields },
      { kind: 'heading', text: 'Matched segments' },
      { kind: 'table', columns: ['#', 'Clip', 'Registered episode', 'Speed', 'Score'], widths: [0.06, 0.3, 0.34, 0.15, 0.15], rows: segments },
      { kind: 'heading', text: 'Evidence' },
      { kind: 'paragraph', text: EVIDENCE_NOTE },
      ...evidence,
    ],
  };
}
