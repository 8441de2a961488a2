import type { EditRect, MatchEdits } from '@dramaguard/matcher';
import type { AudioEvidence, MatchSignal } from '@dramaguard/records';

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

/** What the soundtrack says of a match, in words; null when it had nothing to compare. */
function soundtrackText(audio: AudioEvidence | null): string | null {
  if (!audio) return null;
  const pace = `${audio.speed.toFixed(2)}×${audio.pitchChanged ? ', pitch changed with the speed' : ''}`;
  switch (audio.agreement) {
    case 'agrees':
      return `the clip plays the episode's sound along the match (${pace})`;
    case 'contradicts':
      return "both have sound along the match and it is not the episode's: the picture's score was lowered";
    case 'silent':
      return 'silent on one side along the match: it says nothing';
    case 'unchecked':
      return `found by the sound alone (${pace}, score ${audio.score.toFixed(2)})`;
  }
}

/** Label and value rows of what a match rests on and of its edits, for the HTML and PDF reports alike. */
export function editRows(signals: readonly MatchSignal[], edits: ReportEdits | null, audio: AudioEvidence | null = null): Array<readonly [string, string]> {
  const heard = soundtrackText(audio);
  const rests: Array<readonly [string, string]> = [['Signals', signalsText(signals)], ...(heard ? [['Soundtrack', heard] as const] : [])];
  if (!edits) return [...rests, ['Edits', 'not recorded (matched before edits were recorded)']];
  return [
    ...rests,
    ['Edits', edits.summary.join(' · ')],
    ...(edits.episodeRect ? [['Episode picture shown', `${rectText(edits.episodeRect)} of the episode frame`] as const] : []),
    ...(edits.clipRect ? [['Shown in the clip at', `${rectText(edits.clipRect)} of the clip frame`] as const] : []),
  ];
}
