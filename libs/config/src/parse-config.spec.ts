import { ConfigError } from './config-error';
import { parseConfig as parseWith } from './parse-config';

/** The machine's tools are not under test here: every program is found in /usr/bin. */
const installed = (path: string): boolean => path.startsWith('/usr/bin/');
/** Nor are its fonts: every file under /usr/share/fonts exists. */
const fontInstalled = (path: string): boolean => path.startsWith('/usr/share/fonts/');
const parseConfig = (env: Record<string, string>) => parseWith({ PATH: '/usr/local/bin:/usr/bin', ...env }, installed, fontInstalled);

describe('parseConfig', () => {
  it('falls back to defaults that reach the local services', () => {
    const c = parseConfig({});
    expect(c.database).toEqual({ host: '127.0.0.1', port: 5432, user: 'postgres', password: '', name: 'dramaguard' });
    expect(c.redis).toEqual({ host: '127.0.0.1', port: 6379, db: 0 });
    expect(c.http.port).toBe(3000);
    expect(c.queuePrefix).toBe('dramaguard');
    expect(c.jobs).toEqual({ attempts: 3, backoffMs: 5000, concurrency: 1 });
  });

  it('reads URLs with credentials, ports and database numbers', () => {
    const c = parseConfig({
      DATABASE_URL: 'postgresql://dg:s%40cret@db.internal:6543/dg_prod',
      REDIS_URL: 'redis://:pw@cache:6380/2',
    });
    expect(c.database).toEqual({ host: 'db.internal', port: 6543, user: 'dg', password: 's@cret', name: 'dg_prod' });
    expect(c.redis).toEqual({ host: 'cache', port: 6380, db: 2, password: 'pw' });
  });

  it('reads numeric limits', () => {
    const c = parseConfig({ MAX_UPLOAD_BYTES: '1048576', MAX_DURATION_SECONDS: '600', WORKER_CONCURRENCY: '4', PORT: '0' });
    expect(c.limits.maxUploadBytes).toBe(1048576);
    expect(c.limits.maxDurationSeconds).toBe(600);
    expect(c.jobs.concurrency).toBe(4);
    expect(c.http.port).toBe(0);
  });

  it('logs at info with no operations listener unless told otherwise', () => {
    expect(parseConfig({}).ops).toEqual({ logLevel: 'info', port: null });
    expect(parseConfig({ LOG_LEVEL: 'WARN', OPS_PORT: '9464' }).ops).toEqual({ logLevel: 'warn', port: 9464 });
    expect(parseConfig({ OPS_PORT: '0' }).ops.port).toBeNull();
    expect(() => parseConfig({ LOG_LEVEL: 'verbose' })).toThrow(/LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, got "verbose"/);
    expect(() => parseConfig({ OPS_PORT: '70000' })).toThrow(/OPS_PORT must be between 0 and 65535/);
  });

  it('takes the CJK font of PDF reports from Debian unless told otherwise, and fails fast without it', () => {
    expect(parseConfig({}).reportFont).toEqual({ path: '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc', face: 'WenQuanYiZenHei' });
    expect(parseConfig({ REPORT_FONT: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', REPORT_FONT_FACE: 'NotoSansCJKsc-Regular' }).reportFont).toEqual({
      path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
      face: 'NotoSansCJKsc-Regular',
    });
    expect(parseConfig({ REPORT_FONT: '/usr/share/fonts/truetype/other.ttf' }).reportFont).toEqual({ path: '/usr/share/fonts/truetype/other.ttf' });
    expect(() => parseConfig({ REPORT_FONT: '/opt/none.ttf' })).toThrow(/REPORT_FONT: no font file at "\/opt\/none.ttf": install it \(Debian: apt-get install fonts-wqy-zenhei\)/);
  });

  it('lists every problem at once', () => {
    let error: unknown;
    try {
      parseConfig({ PORT: 'eighty', JOB_ATTEMPTS: '0', REDIS_URL: 'http://x', DATABASE_URL: 'postgres://h/bad-name' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems).toHaveLength(4);
    expect(problems.join('\n')).toMatch(/PORT must be an integer, got "eighty"/);
    expect(problems.join('\n')).toMatch(/JOB_ATTEMPTS must be between 1 and 100, got 0/);
    expect(problems.join('\n')).toMatch(/REDIS_URL must be a URL starting with redis:\/\//);
    expect(problems.join('\n')).toMatch(/DATABASE_URL must name a database/);
  });

  it('rejects inverted ranges and a prefix BullMQ cannot use', () => {
    expect(() => parseConfig({ MIN_DURATION_SECONDS: '10', MAX_DURATION_SECONDS: '5' })).toThrow(/MIN_DURATION_SECONDS must not exceed/);
    expect(() => parseConfig({ MIN_DIMENSION: '500', MAX_DIMENSION: '100' })).toThrow(/MIN_DIMENSION must not exceed/);
    expect(() => parseConfig({ QUEUE_PREFIX: 'a:b' })).toThrow(/QUEUE_PREFIX must not contain ":"/);
  });

  it('resolves ffmpeg and ffprobe on PATH or by path, and fails fast when they are missing', () => {
    expect(parseConfig({}).ffmpeg).toEqual({ ffmpegPath: '/usr/bin/ffmpeg', ffprobePath: '/usr/bin/ffprobe' });
    expect(parseConfig({ FFMPEG_PATH: '/usr/bin/ffmpeg-5' }).ffmpeg.ffmpegPath).toBe('/usr/bin/ffmpeg-5');
    expect(() => parseConfig({ FFMPEG_PATH: '/opt/none/ffmpeg' })).toThrow(/ffmpeg not found \(FFMPEG_PATH="\/opt\/none\/ffmpeg"\): install it/);
    expect(() => parseWith({ PATH: '/bin' }, installed)).toThrow(/ffprobe not found/);
  });

  it('reads the bootstrap admin key, the signing key path and the retro-matching window', () => {
    const c = parseConfig({ ADMIN_API_KEY: 'k'.repeat(32), SIGNING_KEY_PATH: '/etc/dg/key.pem', RETRO_MATCH_DAYS: '7' });
    expect(c.auth).toEqual({ adminApiKey: 'k'.repeat(32) });
    expect(c.signingKeyPath).toBe('/etc/dg/key.pem');
    expect(c.retroMatchDays).toBe(7);
    expect(parseConfig({}).auth).toEqual({});
    expect(parseConfig({}).retroMatchDays).toBe(30);
    expect(parseConfig({}).retroMatchDelayMs).toBe(30_000);
  });

  it('reads where the built console lives', () => {
    expect(parseConfig({}).consoleDir).toBe('dist/console');
    expect(parseConfig({ CONSOLE_DIR: ' /srv/dg/console ' }).consoleDir).toBe('/srv/dg/console');
  });

  it('reads the shard count, the shards a worker serves (all by default), its verification threads and the reconciling interval', () => {
    expect(parseConfig({}).shards).toEqual({ count: 1, serves: [0], timeoutMs: 300_000, verifyThreads: 1 });
    expect(parseConfig({ MATCH_VERIFY_THREADS: '3' }).shards.verifyThreads).toBe(3);
    expect(() => parseConfig({ MATCH_VERIFY_THREADS: '0' })).toThrow('MATCH_VERIFY_THREADS');
    expect(parseConfig({}).reconcileIntervalMs).toBe(60_000);
    expect(parseConfig({ RECONCILE_INTERVAL_MS: '5000' }).reconcileIntervalMs).toBe(5_000);
    expect(parseConfig({}).checkpointIntervalMs).toBe(3_600_000);
    expect(parseConfig({}).retention).toEqual({ clipDays: 90, intervalMs: 3_600_000 });
    expect(parseConfig({ CLIP_RETENTION_DAYS: '0' }).retention.clipDays).toBe(0);
    expect(parseConfig({}).abuse).toEqual({ requestsPerWindow: 600, windowMs: 60_000, maxQueueDepth: 10_000 });
    expect(parseConfig({ RATE_LIMIT_REQUESTS: '5', RATE_LIMIT_WINDOW_MS: '2000', MAX_QUEUE_DEPTH: '3' }).abuse).toEqual({ requestsPerWindow: 5, windowMs: 2_000, maxQueueDepth: 3 });
    expect(parseConfig({ SHARDS: '4', WORKER_SHARDS: '3, 1,1', SHARD_TIMEOUT_MS: '5000' }).shards).toEqual({ count: 4, serves: [1, 3], timeoutMs: 5_000, verifyThreads: 1 });
    expect(parseConfig({ SHARDS: '2', WORKER_SHARDS: 'none' }).shards.serves).toEqual([]);
    expect(() => parseConfig({ SHARDS: '2', WORKER_SHARDS: '2' })).toThrow('WORKER_SHARDS must be "all" or a comma-separated list of shard numbers from 0 to 1');
    expect(() => parseConfig({ WORKER_SHARDS: 'first' })).toThrow('WORKER_SHARDS');
  });

  it('reads the days a rights holder has to answer a dispute, fractions included, 14 by default', () => {
    expect(parseConfig({}).disputes.answerDays).toBe(14);
    expect(parseConfig({ DISPUTE_ANSWER_DAYS: '0.0001' }).disputes.answerDays).toBe(0.0001);
    expect(parseConfig({ DISPUTE_ANSWER_DAYS: '30' }).disputes.answerDays).toBe(30);
  });

  it.each([['0', /DISPUTE_ANSWER_DAYS must be greater than 0 and at most 365, got 0/], ['366', /at most 365, got 366/], ['-1', /must be a decimal number, got "-1"/], ['2 weeks', /must be a decimal number/]])(
    'refuses DISPUTE_ANSWER_DAYS=%s',
    (value, message) => {
      expect(() => parseConfig({ DISPUTE_ANSWER_DAYS: value })).toThrow(message);
    },
  );

  it('refuses a short or blank-containing admin key', () => {
    expect(() => parseConfig({ ADMIN_API_KEY: 'admin' })).toThrow(/ADMIN_API_KEY must be at least 24 characters/);
    expect(() => parseConfig({ ADMIN_API_KEY: 'a'.repeat(20) + ' ' + 'b'.repeat(10) })).toThrow(/without spaces/);
  });
});
