/**
 * The episode number a file name carries: "第12集", "EP12", "e12", "episode-12",
 * or else the last number in the name ("secret-bride-012.mp4"). Null when the
 * name has no number, and the uploader then types it.
 */
export function episodeNumberFromName(fileName: string): number | null {
  const stem = fileName.replace(/\.[^.]*$/, '');
  const marked = /第\s*(\d+)\s*[集话話]/.exec(stem) ?? /(?:^|[^a-z])(?:ep|e|episode)[\s._-]*(\d+)/i.exec(stem);
  const digits = marked?.[1] ?? [...stem.matchAll(/\d+/g)].at(-1)?.[0];
  if (digits === undefined) return null;
  const n = Number(digits);
  return n >= 1 ? n : null;
}

/** The episode title to send with a file: the name without its extension. */
export function titleFromName(fileName: string): string {
  return fileName.replace(/\.[^.]*$/, '').trim() || fileName;
}
