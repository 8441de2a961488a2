import { describeEdits, MatchEdits } from '@dramaguard/matcher';
import type { MatchSignal } from '@dramaguard/records';
import { signalsText } from './edit-rows';

/**
 * Characters of an edits line, at most: the image of a vertical episode is
 * about 436 px wide, and the header's 14 px font sets about 8 px a character.
 */
const EDITS_LINE = 48;

/**
 * The header of a segment's evidence image, two lines (the image of a
 * vertical episode is narrow): which registration and the work as its holder
 * titled it (the original title first: a Chinese drama is known by its
 * Chinese name, drawn with the CJK font the image template names), then the
 * episode and the clip's stretch. Notes on the match follow (`notes`, phrases
 * such as "audio only", "mirrored" or "pillarbox"), on as many lines as they
 * need.
 */
export function evidenceTitle(
  registrationNumber: string,
  work: { readonly title: string; readonly originalTitle: string | null },
  episodeNumber: number,
  segment: { readonly clipStart: number; readonly clipEnd: number },
  notes: readonly string[] = [],
): string {
  const name = work.originalTitle && work.originalTitle !== work.title ? `${work.originalTitle} ${work.title}` : work.title;
  const lines = [`${registrationNumber}  ${name}`, `episode ${episodeNumber}, clip ${segment.clipStart.toFixed(2)}-${segment.clipEnd.toFixed(2)} s`];
  lines.push(...wrapped(notes));
  return lines.join('\n');
}

/** Phrases joined by " · ", a new line before a phrase that would pass EDITS_LINE; a phrase is never split. */
function wrapped(phrases: readonly string[]): string[] {
  const lines: string[] = [];
  for (const p of phrases) {
    const last = lines.length - 1;
    if (last >= 0 && lines[last].length + 3 + p.length <= EDITS_LINE) lines[last] += ` · ${p}`;
    else lines.push(p);
  }
  return lines;
}

/**
 * The notes an evidence image's header gives on its match: the signals when
 * the soundtrack took part (the picture alone is the usual case), then the
 * edits when they were recorded.
 */
export function evidenceNotes(signals: readonly MatchSignal[], edits: MatchEdits | null): string[] {
  return [...(signals.includes('audio') ? [`signals: ${signalsText(signals)}`] : []), ...(edits ? describeEdits(edits) : [])];
}
