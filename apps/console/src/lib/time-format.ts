/** Seconds as m:ss.s (or h:mm:ss.s): short enough for segment tables and timelines (evidence images label frames HH:MM:SS.mmm). */
export function formatSeconds(seconds: number): string {
  const tenths = Math.round(Math.max(0, seconds) * 10);
  const h = Math.floor(tenths / 36_000);
  const m = Math.floor((tenths % 36_000) / 600);
  const s = ((tenths % 600) / 10).toFixed(1).padStart(4, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** A score in [0, 1] as a percentage with no decimals. */
export function formatScore(score: number): string {
  return `${Math.round(score * 100)}%`;
}
