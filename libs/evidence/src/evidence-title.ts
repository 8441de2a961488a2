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
 * episode and the clip's stretch. When the match's edits are known, they
 * follow (`edits`, phrases such as "mirrored" or "pillarbox"), on as many
 * lines as they need.
 */
export function evidenceTitle(
  registrationNumber: string,
  work: { readonly title: string; readonly originalTitle: string | null },
  episodeNumber: number,
  segment: { readonly clipStart: number; readonly clipEnd: number },
  edits: readonly string[] | null = null,
): string {
  const name = work.originalTitle && work.originalTitle !== work.title ? `${work.originalTitle} ${work.title}` : work.title;
  const lines = [`${registrationNumber}  ${name}`, `episode ${episodeNumber}, clip ${segment.clipStart.toFixed(2)}-${segment.clipEnd.toFixed(2)} s`];
  if (edits) lines.push(...wrapped(edits));
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
