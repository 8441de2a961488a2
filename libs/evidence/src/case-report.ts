import type { AudioEvidence, MatchSignal } from '@dramaguard/records';
import { editRows, ReportEdits } from './edit-rows';
import { escapeHtml, htmlPage, htmlTable } from './html';

export interface ReportSegment {
  readonly id: string;
  readonly clipStart: number;
  readonly clipEnd: number;
  readonly episodeStart: number;
  readonly episodeEnd: number;
  readonly speed: number;
  readonly score: number;
  readonly image: { readonly url: string; readonly sha256: string };
}

/** What a takedown notice needs to show that a clip copies a registered episode. */
export interface CaseReport {
  readonly case: { readonly id: string; readonly status: string; readonly openedAt: string; readonly decidedAt: string | null; readonly decisionReason: string | null };
  readonly work: { readonly id: string; readonly title: string; readonly originalTitle: string | null };
  readonly holder: { readonly id: string; readonly name: string };
  readonly registration: { readonly number: string; readonly registeredAt: string | null; readonly certificateSha256: string };
  readonly episode: { readonly number: number; readonly title: string };
  readonly clip: {
    readonly id: string;
    readonly sha256: string;
    readonly fileName: string;
    readonly platform: string | null;
    readonly uploaderAccount: string | null;
    readonly territory: string | null;
    readonly usedOn: string;
    readonly receivedAt: string;
  };
  readonly score: number;
  readonly mirrored: boolean;
  /** What the match rests on: the picture, the soundtrack, or both. */
  readonly signals: readonly MatchSignal[];
  /** What the soundtrack says of the match; null when it had nothing to compare. */
  readonly audio: AudioEvidence | null;
  /** How the clip edits the episode; null for a match stored before edits were recorded. */
  readonly edits: ReportEdits | null;
  readonly segments: readonly ReportSegment[];
}

const seconds = (s: number): string => `${s.toFixed(2)} s`;

/** How to read the evidence images, in both reports. */
export const EVIDENCE_NOTE =
  'Each image shows frames of the clip (left) and of the registered episode (right) at corresponding times; ' +
  'where the edits are known, an outline marks the part of each frame that shows the same picture.';

/** The report as a self-contained page: images are inlined, so the file alone is the whole evidence. */
export function caseReportHtml(r: CaseReport, images: ReadonlyMap<string, Buffer>): string {
  const segments = r.segments.map((s, i) => {
    const png = images.get(s.id);
    return [
      `<h3>Segment ${i + 1}: clip ${seconds(s.clipStart)}–${seconds(s.clipEnd)} = episode ${seconds(s.episodeStart)}–${seconds(s.episodeEnd)}</h3>`,
      htmlTable([
        ['Score', s.score.toFixed(3)],
        ['Speed (episode s per clip s)', s.speed.toFixed(3)],
        ['Image SHA-256', s.image.sha256],
      ]),
      png ? `<img alt="aligned frames of segment ${i + 1}" src="data:image/png;base64,${png.toString('base64')}">` : '',
    ].join('\n');
  });
  return htmlPage(
    `Case ${r.case.id}: ${r.work.title}`,
    [
      `<h1>Infringement report: ${escapeHtml(r.work.title)}, episode ${r.episode.number}</h1>`,
      htmlTable([
        ['Rights holder', r.holder.name],
        ['Work', r.work.originalTitle ? `${r.work.title} (${r.work.originalTitle})` : r.work.title],
        ['Episode', `${r.episode.number}: ${r.episode.title}`],
        ['Registration number', r.registration.number],
        ['Registered', r.registration.registeredAt],
        ['Registration certificate SHA-256', r.registration.certificateSha256],
        ['Clip SHA-256', r.clip.sha256],
        ['Clip file', r.clip.fileName],
        ['Found on', [r.clip.platform, r.clip.uploaderAccount, r.clip.territory].filter(Boolean).join(' / ') || null],
        ['Day of use', r.clip.usedOn],
        ['Match score', r.score.toFixed(3)],
        ['Mirrored', r.mirrored ? 'yes' : 'no'],
        ...editRows(r.signals, r.edits, r.audio),
        ['Case', `${r.case.id} (${r.case.status})`],
      ]),
      '<h2>Matched segments</h2>',
      `<p>${EVIDENCE_NOTE}</p>`,
      ...segments,
    ].join('\n'),
  );
}
