import { extname } from 'node:path';

const VIDEO_EXTENSIONS = new Set(['.mp4', '.m4v', '.mov', '.mkv', '.webm', '.avi', '.flv', '.ts', '.mts']);

/** By default the last run of digits in the name: "秘密新娘 第12集.mp4", "ep-012.mov", "S01E12.mp4" are all episode 12. */
export const DEFAULT_EPISODE_PATTERN = '(\\d+)(?!.*\\d)';

export interface EpisodeFile {
  readonly fileName: string;
  readonly episodeNumber: number;
}

export interface EpisodePlan {
  readonly episodes: readonly EpisodeFile[];
  /** Video files left out, with why. */
  readonly refused: ReadonlyArray<{ readonly fileName: string; readonly reason: string }>;
}

/**
 * Which video files of a folder are which episodes, numbered by `pattern`
 * (a regular expression whose first group, or whole match, is the number,
 * matched against the name without its extension). Names without a number,
 * and two files claiming one number, are refused rather than guessed.
 */
export function planEpisodes(fileNames: readonly string[], pattern: string = DEFAULT_EPISODE_PATTERN): EpisodePlan {
  const regex = new RegExp(pattern, 'u');
  const numbered: EpisodeFile[] = [];
  const refused: Array<{ fileName: string; reason: string }> = [];
  for (const fileName of [...fileNames].sort(byNatural)) {
    const extension = extname(fileName).toLowerCase();
    if (!VIDEO_EXTENSIONS.has(extension) || fileName.startsWith('.')) continue;
    const match = regex.exec(fileName.slice(0, fileName.length - extension.length));
    const digits = match?.[1] ?? match?.[0];
    const episodeNumber = digits !== undefined && /^\d+$/.test(digits) ? Number(digits) : NaN;
    if (!Number.isSafeInteger(episodeNumber) || episodeNumber < 1) refused.push({ fileName, reason: `no episode number in the name (pattern ${pattern})` });
    else numbered.push({ fileName, episodeNumber });
  }
  const counts = new Map<number, number>();
  for (const e of numbered) counts.set(e.episodeNumber, (counts.get(e.episodeNumber) ?? 0) + 1);
  const episodes = numbered.filter((e) => counts.get(e.episodeNumber) === 1).sort((a, b) => a.episodeNumber - b.episodeNumber);
  for (const e of numbered) if (counts.get(e.episodeNumber)! > 1) refused.push({ fileName: e.fileName, reason: `episode ${e.episodeNumber} is claimed by ${counts.get(e.episodeNumber)} files` });
  return { episodes, refused };
}

function byNatural(a: string, b: string): number {
  return a.localeCompare(b, undefined, { numeric: true });
}
