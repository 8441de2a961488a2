// Brings a fresh Debian machine with Node (PostgreSQL, Redis, ffmpeg, Chromium and a CJK font are installed if missing) to the
// point where the service can be built, tested and started. Every step checks
// first and does nothing when its work is already done, so it is safe to rerun.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

export function log(message) {
  console.log(`[bootstrap] ${message}`);
}

export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', ...options });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
}

/** A program on PATH, or (an absolute path) a file such as a font. */
function has(program) {
  if (program.startsWith('/')) return existsSync(program);
  return spawnSync('sh', ['-c', `command -v ${program}`], { stdio: 'ignore' }).status === 0;
}

/** npm ci when node_modules is missing or was installed from another package-lock.json. */
export function ensureDependencies() {
  const lockHash = createHash('sha256').update(readFileSync(join(ROOT, 'package-lock.json'))).digest('hex');
  const stamp = join(ROOT, 'node_modules', '.dramaguard-lock-sha256');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === lockHash) return;
  log('installing dependencies (npm ci)');
  run('npm', ['ci', '--no-audit', '--no-fund']);
  writeFileSync(stamp, lockHash);
}

/** Debian packages whose check fails (the programs are missing, or a check function says no); refreshes the package lists once. */
function ensurePackages(wanted) {
  const missing = wanted.filter(([check]) => !(typeof check === 'function' ? check() : check.every(has))).map(([, pkg]) => pkg);
  if (!missing.length) return;
  if (process.getuid?.() !== 0) throw new Error(`missing: install them (sudo apt-get install ${missing.join(' ')}) and rerun`);
  log(`installing ${missing.join(', ')} from Debian`);
  run('apt-get', ['update', '-q']);
  run('apt-get', ['install', '-y', '-q', '--no-install-recommends', ...missing], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}

/**
 * ffmpeg, Chromium (the console's e2e specs drive it), a CJK font, poppler (the PDF spec renders
 * pages with it), and on a bare Debian the PostgreSQL and Redis servers (the postgresql package
 * creates the "main" cluster).
 */
export function ensureSystemPackages() {
  ensurePackages([
    [['ffmpeg', 'ffprobe'], 'ffmpeg'],
    [['chromium'], 'chromium'],
    [['pg_ctlcluster'], 'postgresql'],
    [['redis-server'], 'redis-server'],
    // The CJK font of the console, evidence images and PDF case reports (REPORT_FONT), and poppler's tools, which the PDF spec renders pages with.
    [['/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc'], 'fonts-wqy-zenhei'],
    [['pdftoppm', 'pdftotext', 'pdfinfo'], 'poppler-utils'],
  ]);
}

function portOpen(port) {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => socket.end(() => resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

async function waitForPort(port, what) {
  for (let i = 0; i < 60; i++) {
    if (await portOpen(port)) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${what} did not come up on 127.0.0.1:${port}`);
}

/**
 * Redis as the service needs it: every write appended to a log fsynced each
 * second (a restart loses at most a second of queued jobs, and the workers'
 * reconciler re-enqueues those from PostgreSQL), and no eviction, since an
 * evicted job key is a lost job.
 */
export function redisArgs(port = 6379) {
  const dir = join(ROOT, '.data', 'redis');
  mkdirSync(dir, { recursive: true });
  return ['--daemonize', 'yes', '--bind', '127.0.0.1', '--port', String(port), '--dir', dir, '--appendonly', 'yes', '--appendfsync', 'everysec', '--maxmemory-policy', 'noeviction'];
}

/** Starts the local PostgreSQL cluster and Redis when nothing listens on their ports. */
export async function ensureServices() {
  if (!(await portOpen(5432))) {
    const [version] = readdirSync('/etc/postgresql');
    log(`starting PostgreSQL ${version}`);
    run('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'start']);
    await waitForPort(5432, 'PostgreSQL');
  }
  if (!(await portOpen(6379))) {
    log('starting Redis (append-only file, no eviction)');
    run('redis-server', redisArgs());
    await waitForPort(6379, 'Redis');
  }
}

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (/\.(ts|tsx|json|css|html)$/.test(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/** nest build (tsc, path aliases rewritten) and the console's vite build, unless dist is newer than every source file. */
export function ensureBuild() {
  const stamp = join(ROOT, 'dist', '.build-stamp');
  const sources = Math.max(newestSource(join(ROOT, 'apps')), newestSource(join(ROOT, 'libs')), ...['package-lock.json', 'tsconfig.json', 'nest-cli.json'].map((f) => statSync(join(ROOT, f)).mtimeMs));
  if (existsSync(stamp) && statSync(stamp).mtimeMs > sources) return;
  log('building api, worker, cli and console');
  run('npm', ['run', 'build', '--silent']);
  writeFileSync(stamp, new Date().toISOString());
}

export async function bootstrap() {
  ensureDependencies();
  ensureSystemPackages();
  await ensureServices();
  ensureBuild();
}
