// The audio index at scale, in-process: a shard of H hours of synthetic
// soundtracks (90 s episodes of pseudo-random Chromaprint items, all of them
// sounding), its postings' bytes per registered second, and how long the 21
// speed corrections of a 60 s clip take to search, for a clip that copies
// one episode (with 4 of 32 bits changed per item) and for one that copies
// nothing. Usage: npm run bench:audio-index -- [--hours H]
import { AudioIndex, AUDIO_ITEM_SECONDS, AudioPrint, finishAudio, planAudio, speedCorrections } from '@dramaguard/audio';
import { noisy, slice, syntheticPrint } from '../libs/audio/test/synthetic-prints';

const EPISODE_SECONDS = 90;
const CLIP_SECONDS = 60;

function argument(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
}

/** 4 pseudo-random bits of every item flipped: about the bit error rate of a low-bitrate re-encode. */
function reencoded(p: AudioPrint, from: number, count: number): AudioPrint {
  return noisy(slice(p, from, from + count), 4, 12345);
}

function main(): void {
  const hours = argument('hours', 100);
  const episodes = Math.round((hours * 3600) / EPISODE_SECONDS);
  const items = Math.round(EPISODE_SECONDS / AUDIO_ITEM_SECONDS);
  const index = new AudioIndex();
  const copied = syntheticPrint(items, 7);
  // Prints are made a batch at a time, before the clock runs, so that the add time is the index's alone.
  let loadMs = 0;
  for (let from = 0; from < episodes; from += 1000) {
    const batch = Array.from({ length: Math.min(1000, episodes - from) }, (_, k) => (from + k === 7 ? copied : syntheticPrint(items, from + k + 1)));
    const started = Date.now();
    batch.forEach((print, k) => index.add(`e${from + k}`, print));
    loadMs += Date.now() - started;
  }
  const clipItems = Math.round(CLIP_SECONDS / AUDIO_ITEM_SECONDS);
  const corrections = speedCorrections();
  const search = (print: AudioPrint) => {
    const variants = corrections.map((c) => ({ ...c, print }));
    const t = Date.now();
    const candidates = planAudio(index, variants);
    const found = finishAudio(variants, candidates, (e) => (e === 'e7' ? { print: copied, shares: null } : undefined));
    return { ms: Date.now() - t, candidates: candidates.length, found: found.map((m) => m.episode) };
  };
  const copy = search(reencoded(copied, 100, clipItems));
  const none = search(syntheticPrint(clipItems, 999_999));
  console.log(
    JSON.stringify({
      hours,
      episodes,
      posting_bytes_per_registered_second: +(index.memoryBytes() / (episodes * EPISODE_SECONDS)).toFixed(1),
      add_ms_per_episode: +(loadMs / episodes).toFixed(3),
      copy_search_ms: copy.ms,
      copy_found: copy.found.join(','),
      unrelated_search_ms: none.ms,
      unrelated_candidates: none.candidates,
      // The process's peak, the synthetic prints made and dropped as they are added included.
      peak_rss_mb: Math.round((process.resourceUsage().maxRSS * 1024) / 1e6),
    }),
  );
}

main();
