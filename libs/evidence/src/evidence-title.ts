/**
 * The header of a segment's evidence image, two lines (the image of a
 * vertical episode is narrow): which registration and the work as its holder
 * titled it (the original title first: a Chinese drama is known by its
 * Chinese name, drawn with the CJK font the image template names), then the
 * episode and the clip's stretch.
 */
export function evidenceTitle(
  registrationNumber: string,
  work: { readonly title: string; readonly originalTitle: string | null },
  episodeNumber: number,
  segment: { readonly clipStart: number; readonly clipEnd: number },
): string {
  const name = work.originalTitle && work.originalTitle !== work.title ? `${work.originalTitle} ${work.title}` : work.title;
  return `${registrationNumber}  ${name}\nepisode ${episodeNumber}, clip ${segment.clipStart.toFixed(2)}-${segment.clipEnd.toFixed(2)} s`;
}
