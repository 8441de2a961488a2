import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { decodeAudioPrint, decodeAudioProbe } from '@dramaguard/audio';
import { createWork, matchClip, registerEpisode, settledClip } from './support/api-calls';
import { waitFor } from './support/wait-for';
import { makeOnce } from './support/fixtures';
import { TestStack } from './support/test-stack';

const DIR = join(tmpdir(), 'dramaguard-audio-fixtures-v1');
const ENCODE = ['-c:v', 'libx264', '-preset', 'veryfast', '-crf', '30', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-b:a', '96k'];

/** A melody of a new pseudo-random note every quarter second (two partials), distinct per seed, at -12 dBFS or so. */
function melody(seed: number, seconds: number): string {
  const note = `floor(mod(abs(sin(floor(t*4)*12.9898+${seed}))*43758.5453\\,24))`;
  const f = `220*pow(2\\,${note}/12)`;
  return `aevalsrc=0.2*sin(2*PI*t*${f})+0.1*sin(4*PI*t*${f}):s=44100:d=${seconds}`;
}

const make = (name: string, args: (out: string) => string[]) => makeOnce(DIR, name, args);
const video = (source: string, seconds: number, sound: string | null, extra: string[] = []) => (out: string) => [
  '-f', 'lavfi', '-i', source,
  ...(sound ? ['-f', 'lavfi', '-i', sound] : []),
  '-t', String(seconds), ...ENCODE, ...extra, '-shortest', out,
];

const files = {
  /** Two episodes of different works, each with its own picture and melody. */
  episodeA: () => make('episode-a.mp4', video('testsrc2=size=360x640:rate=25', 20, melody(1, 20))),
  episodeB: () => make('episode-b.mp4', video('sierpinski=size=360x640:rate=25:seed=11:jump=40:type=carpet', 20, melody(2, 20))),
  /** Episode A's sound from 5 s to 15 s, 10 % faster with its pitch kept, under unrelated pictures. */
  soundOfA: async () => {
    const a = await files.episodeA();
    return make('sound-of-a.mp4', (out) => [
      '-f', 'lavfi', '-i', 'cellauto=size=360x640:rate=25:rule=30:seed=3', '-ss', '5', '-t', '10', '-i', a,
      '-filter_complex', '[1:a]atempo=1.1,volume=-6dB[a]', '-map', '0:v', '-map', '[a]', '-t', String(10 / 1.1), ...ENCODE, out,
    ]);
  },
  /** Episode B's picture and sound from 4 s to 14 s, re-encoded smaller. */
  excerptOfB: async () => {
    const b = await files.episodeB();
    return make('excerpt-of-b.mp4', (out) => ['-ss', '4', '-t', '10', '-i', b, '-vf', 'scale=270:480', ...ENCODE, out]);
  },
  /** Two works' episodes, different pictures over the same stock music. */
  stockC: () => make('stock-c.mp4', video('mandelbrot=size=360x640:rate=25', 15, melody(9, 15))),
  stockD: () => make('stock-d.mp4', video('life=size=90x160:rate=25:mold=10:ratio=0.2:seed=7,scale=360:640:flags=neighbor', 15, melody(9, 15))),
  /** That stock music under unrelated pictures. */
  stockUnder: () => make('stock-under.mp4', video('cellauto=size=360x640:rate=25:rule=110:seed=8', 10, melody(9, 10))),
  /** An episode registered after a clip with its sound arrived. */
  lateEpisode: () => make('late.mp4', video('rgbtestsrc=size=360x640:rate=25', 15, melody(5, 15))),
  soundOfLate: async () => {
    const late = await files.lateEpisode();
    return make('sound-of-late.mp4', (out) => [
      '-f', 'lavfi', '-i', 'cellauto=size=360x640:rate=25:rule=150:seed=4', '-ss', '3', '-t', '9', '-i', late,
      '-map', '0:v', '-map', '1:a', '-t', '9', ...ENCODE, out,
    ]);
  },
  /** Unrelated pictures with an unregistered melody. */
  unrelated: () => make('unrelated.mp4', video('cellauto=size=360x640:rate=25:rule=90:seed=5', 10, melody(3, 10))),
};

describe('the soundtrack as a second signal (HTTP, PostgreSQL, Redis, ffmpeg)', () => {
  let stack: TestStack;
  const registered: Record<string, any>[] = [];
  /** The clip only its sound matched. */
  let heardAlone: Record<string, any>;

  beforeAll(async () => {
    const episodes = [await files.episodeA(), await files.episodeB()];
    stack = await TestStack.start();
    for (const [i, file] of episodes.entries()) registered.push(await registerEpisode(stack, (await createWork(stack, { title: `Sound ${i}` })).id, file, 1));
  });

  afterAll(() => stack?.stop());

  it('stores each registration’s soundtrack with its fingerprint, sounding where the melody plays', async () => {
    const rows = await stack.api.get(DataSource).query('SELECT audio FROM fingerprints WHERE registration_id = ANY($1::uuid[])', [registered.map((r) => r.id)]);
    expect(rows).toHaveLength(2);
    // The upload's probe recorded the soundtrack: the worker hands it to AudioPrinter, whose spec checks it then probes no more.
    const uploads = await stack.api.get(DataSource).query('SELECT has_audio FROM registrations WHERE id = ANY($1::uuid[])', [registered.map((r) => r.id)]);
    expect(uploads).toEqual([{ has_audio: true }, { has_audio: true }]);
    for (const { audio } of rows) {
      const print = decodeAudioPrint(audio);
      expect(print.items.length).toBeGreaterThan(130);
      expect(print.voiced.reduce((n, v) => n + v, 0)).toBeGreaterThan(0.9 * print.items.length);
    }
  });

  it('finds an episode by its sound alone, sped up under other pictures, as audio-only evidence with both time ranges', async () => {
    const clip = await matchClip(stack, await files.soundOfA());
    heardAlone = clip;
    expect(clip.matches).toHaveLength(1);
    const [m] = clip.matches;
    expect(m).toMatchObject({ registrationId: registered[0].id, signals: ['audio'], audio: { agreement: 'unchecked', pitchChanged: false } });
    expect(m.audio.speed).toBeCloseTo(1.1, 1);
    const [s] = m.segments;
    expect(s.signals).toEqual(['audio']);
    expect(s.clipStart).toBeLessThan(1);
    expect(s.clipEnd).toBeGreaterThan(7.5);
    expect(s.episodeStart).toBeGreaterThan(4);
    expect(s.episodeStart).toBeLessThan(6.5);
    const [{ audio, has_audio }] = await stack.api.get(DataSource).query('SELECT audio, has_audio FROM clips WHERE id = $1', [clip.id]);
    expect(has_audio).toBe(true);
    expect(decodeAudioProbe(audio)).toHaveLength(21);
  });

  it('says in the case report that the sound alone found it, and serves its evidence image', async () => {
    const caseId = heardAlone.matches[0].caseId;
    const html = (await stack.reviewer.http.get(`/cases/${caseId}/report.html`).expect(200)).text;
    expect(html).toContain('audio only');
    expect(html).toMatch(/found by the sound alone \(1\.1\d×/);
    const report = (await stack.reviewer.http.get(`/cases/${caseId}/report`).expect(200)).body;
    expect(report.audio).toMatchObject({ agreement: 'unchecked' });
    const image = await stack.reviewer.http.get(report.segments[0].image.url).buffer(true).expect(200);
    expect(image.headers['content-type']).toBe('image/png');
  });

  it('says where picture and sound agree', async () => {
    const clip = await matchClip(stack, await files.excerptOfB());
    const [m] = clip.matches;
    expect(m).toMatchObject({ registrationId: registered[1].id, signals: ['picture', 'audio'], audio: { agreement: 'agrees' } });
    expect(m.segments.some((s: any) => s.signals.includes('picture') && s.signals.includes('audio'))).toBe(true);
  });

  it('finds a clip’s sound in an episode registered after the clip arrived (retro-match)', async () => {
    const clip = await matchClip(stack, await files.soundOfLate());
    expect(clip.matches).toEqual([]);
    const late = await registerEpisode(stack, (await createWork(stack, { title: 'Late' })).id, await files.lateEpisode(), 1);
    const rematched = await waitFor(() => settledClip(stack, clip.id), (c) => c.matches.length > 0, 30_000);
    expect(rematched.matches).toHaveLength(1);
    expect(rematched.matches[0]).toMatchObject({ registrationId: late.id, signals: ['audio'], verdict: 'case_opened' });
    expect(rematched.matches[0].segments[0].episodeStart).toBeCloseTo(3, 0);
  });

  it('learns stock music two works share as common content, and flags nothing for it under other pictures', async () => {
    const c = await registerEpisode(stack, (await createWork(stack, { title: 'Stock C' })).id, await files.stockC(), 1);
    const d = await registerEpisode(stack, (await createWork(stack, { title: 'Stock D' })).id, await files.stockD(), 1);
    expect([c.status, d.status]).toEqual(['registered', 'registered']);
    const rows = await stack.api.get(DataSource).query('SELECT audio_shares FROM fingerprints WHERE registration_id = ANY($1::uuid[])', [[c.id, d.id]]);
    expect(rows).toHaveLength(2);
    for (const { audio_shares } of rows) expect(audio_shares.reduce((n: number, b: number) => n + b, 0)).toBeGreaterThan(60);
    const clip = await matchClip(stack, await files.stockUnder());
    expect(clip.status).toBe('done');
    expect(clip.matches).toEqual([]);
  });

  it('flags nothing for unrelated pictures with an unregistered melody', async () => {
    const clip = await matchClip(stack, await files.unrelated());
    expect(clip.status).toBe('done');
    expect(clip.matches).toEqual([]);
  });
});
