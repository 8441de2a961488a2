// ffmpeg/ffprobe wrappers of the audio-set generator. Everything runs
// synchronously, one process at a time: the bench machine has 2 shared cores.
import { spawnSync } from 'node:child_process';

export function probe(file) {
  const p = spawnSync('ffprobe', ['-v', 'error', '-show_entries', 'format=duration:stream=codec_type,width,height,channels', '-of', 'json', file], { encoding: 'utf8' });
  if (p.status !== 0) throw new Error(`ffprobe failed on ${file}: ${p.stderr}`);
  const j = JSON.parse(p.stdout);
  const streams = j.streams ?? [];
  const v = streams.find((s) => s.codec_type === 'video');
  const a = streams.find((s) => s.codec_type === 'audio');
  return { duration: Number(j.format.duration), width: v?.width ?? 0, height: v?.height ?? 0, audio: Boolean(a), channels: a?.channels ?? 0 };
}

export function ffmpeg(args, label) {
  const p = spawnSync('ffmpeg', ['-nostdin', '-hide_banner', '-v', 'error', '-y', ...args], { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (p.status !== 0) throw new Error(`ffmpeg failed (${label}): ${(p.stderr ?? '').slice(-2000)}\nargs: ${args.join(' ')}`);
}

/**
 * Mean and peak level (dB, volumedetect) of a file's first audio stream, or of
 * [start, start+dur) of it. A file without sound, or pure digital silence,
 * reads about -91 dB.
 */
export function loudness(file, start = 0, dur = null) {
  const args = ['-nostdin', '-hide_banner', '-ss', String(start)];
  if (dur !== null) args.push('-t', String(dur));
  args.push('-i', file, '-map', '0:a:0?', '-af', 'volumedetect', '-f', 'null', '-');
  const p = spawnSync('ffmpeg', args, { encoding: 'utf8', maxBuffer: 64 << 20 });
  const mean = /mean_volume: (-?[\d.]+) dB/.exec(p.stderr ?? '');
  const max = /max_volume: (-?[\d.]+) dB/.exec(p.stderr ?? '');
  return { mean: mean ? Number(mean[1]) : -91, max: max ? Number(max[1]) : -91 };
}
