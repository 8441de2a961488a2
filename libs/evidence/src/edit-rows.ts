import type { EditRect, MatchEdits } from '@dramaguard/matcher';
import type { MatchSignal } from '@dramaguard/records';

/** A match's edits as the case report states them: the matcher's own wording, plus the summary it lists them by. */
export type ReportEdits = MatchEdits & { readonly summary: readonly string[] };

const percent = (share: number): string => `${Math.round(share * 100)}%`;

/** A normalised rectangle in words: where it spans across and down its frame. */
export function rectText(r: EditRect): string {
  return `${percent(r.x0)}–${percent(r.x1)} across, ${percent(r.y0)}–${percent(r.y1)} down`;
}

/** What a match rests on, in words: "picture", "picture + audio" or "audio only". */
export function signalsText(signals: readonly MatchSignal[]): string {
  if (!signals.includes('audio')) return 'picture';
  return signals.includes('picture') ? 'picture + audio' : 'audio only';
}

/** Label and value rows of what a match rests on and of its edits, for the HTML and PDF reports alike. */
export function editRows(signals: readonly MatchSignal[], edits: ReportEdits | null): Array<readonly [string, string]> {
  const rests: readonly [string, string] = ['Signals', signalsText(signals)];
  if (!edits) return [rests, ['Edits', 'not recorded (matched before edits were recorded)']];
  return [
    rests,
    ['Edits', edits.summary.join(' · ')],
    ...(edits.episodeRect ? [['Episode picture shown', `${rectText(edits.episodeRect)} of the episode frame`] as const] : []),
    ...(edits.clipRect ? [['Shown in the clip at', `${rectText(edits.clipRect)} of the clip frame`] as const] : []),
  ];
}
