// bench:memory: what a worker holds while it fingerprints a 60-minute
// 1080x1920 episode and matches a 60-minute clip of it, through the built
// processes (api, one worker, PostgreSQL, Redis). Peak resident memory is read
// from /proc (VmHWM) of the worker process; ffmpeg runs in its own process and
// is not counted. Usage: npm run bench:memory -- [--minutes M]
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { BenchApi } from './bench-api';
import { benchEnv, Child, clearBenchQueues, dropBenchDatabase, freePort, ROOT, runToEnd } from './bench-stack';

const DB = 'dramaguard_memory';
const PREFIX = 'dg-memory';
const args = process.argv.slice(2);
const minutes = args.includes('--minutes') ? Number(args[args.indexOf('--minutes') + 1]) : 60;
const outDir = join(ROOT, 'bench/out');
const ADMIN_KEY = `dg_memory_${randomBytes(24).toString('base64url')}`;

/** A minute of 1080x1920 test pattern at 1.2 Mbit/s (540 MB an hour) encoded once, then repeated into the whole length without re-encoding. */
function longVideo(): string {
  mkdirSync(outDir, { recursive: true });
  const minute = join(outDir, 'memory-minute-1080x1920.mp4');
  const out = join(outDir, `memory-${minutes}min-1080x1920.mp4`);
  if (existsSync(out)) return out;
  if (!existsSync(minute)) {
    execFileSync('ffmpeg', ['-v', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc2=size=1080x1920:rate=25', '-t', '60', '-c:v', 'libx264', '-preset', 'veryfast', '-b:v', '1200k', '-pix_fmt', 'yuv420p', minute]);
  }
  execFileSync('ffmpeg', ['-v', 'error', '-y', '-stream_loop', String(minutes - 1), '-i', minute, '-c', 'copy', '-movflags', '+faststart', out]);
  return out;
}

function memory(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0) * 1024;
  return { rss: kb('VmRSS'), peak: kb('VmHWM') };
}

async function main(): Promise<void> {
  const video = longVideo();
  const mediaDir = join(outDir, 'memory-media');
  rmSync(mediaDir, { recursive: true, force: true });
  await dropBenchDatabase(DB);
  await clearBenchQueues(PREFIX);
  const port = await freePort();
  const env = { ...benchEnv(DB, PREFIX, mediaDir, port, ADMIN_KEY), MAX_DURATION_SECONDS: String(minutes * 60 + 60), SHARD_TIMEOUT_MS: '3600000' };
  await runToEnd(Child.start('migrate', 'worker', 'migrate.js', env));
  const api = Child.start('api', 'api', 'main.js', env);
  const worker = Child.start('worker', 'worker', 'main.js', env);
  try {
    await api.waitFor('api listening');
    await worker.waitFor('worker ready');
    const idle = memory(worker.pid);
    const admin = new BenchApi(`http://127.0.0.1:${port}`, ADMIN_KEY);
    const holder = await admin.as('rights_holder', 'Memory rights holder');
    const reviewer = await admin.as('reviewer', 'Memory reviewer');
    const work = await holder.createWork('an hour long', 1);
    const started = Date.now();
    const upload = await holder.uploadEpisode(work.id, video, 1);
    const [registered] = await holder.settle([upload.id], (id) => holder.registration(id), (r) => r.status !== 'queued' && r.status !== 'fingerprinting', 7_200_000);
    const fingerprinted = memory(worker.pid);
    const registerSeconds = (Date.now() - started) / 1000;
    console.log(`episode of ${minutes} min: ${registered.status} in ${registerSeconds.toFixed(0)} s; worker peak ${(fingerprinted.peak / 1e6).toFixed(0)} MB (idle ${(idle.rss / 1e6).toFixed(0)} MB)`);
    const clipStarted = Date.now();
    const submitted = await reviewer.submitClip(video);
    const [clip] = await reviewer.settle([submitted.id], (id) => reviewer.clip(id), (c) => ['done', 'incomplete', 'failed'].includes(c.status), 7_200_000);
    const matched = memory(worker.pid);
    const clipSeconds = (Date.now() - clipStarted) / 1000;
    console.log(`clip of ${minutes} min: ${clip.status}, ${clip.matches?.length ?? 0} match(es) in ${clipSeconds.toFixed(0)} s; worker peak ${(matched.peak / 1e6).toFixed(0)} MB`);
    console.log(
      JSON.stringify({
        minutes,
        registration: registered.status,
        register_seconds: Math.round(registerSeconds),
        worker_idle_rss_mb: Math.round(idle.rss / 1e6),
        worker_peak_rss_mb_fingerprinting: Math.round(fingerprinted.peak / 1e6),
        clip: clip.status,
        clip_seconds: Math.round(clipSeconds),
        worker_peak_rss_mb_overall: Math.round(matched.peak / 1e6),
      }),
    );
  } finally {
    await worker.stop();
    await api.stop();
    await clearBenchQueues(PREFIX);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
