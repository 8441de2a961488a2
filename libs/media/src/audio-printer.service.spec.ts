import { parseConfig } from '@dramaguard/config';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AudioPrinter } from './audio-printer.service';
import { MediaProbe } from './media-probe.service';
import { VideoInfo } from './video-info';

describe('AudioPrinter', () => {
  let dir: string;
  let withSound: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'dg-audio-printer-'));
    withSound = join(dir, 'with-sound.mp4');
    const lavfi = ['-f', 'lavfi', '-i'];
    execFileSync('ffmpeg', ['-v', 'error', ...lavfi, 'testsrc=size=64x64:rate=8:duration=3', ...lavfi, 'sine=frequency=440:duration=3', '-shortest', '-pix_fmt', 'yuv420p', withSound]);
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** A probe that counts its calls and answers `hasAudio`. */
  function probeAnswering(hasAudio: boolean): MediaProbe & { calls: number } {
    const fake = {
      calls: 0,
      probe: (): Promise<VideoInfo> => {
        fake.calls++;
        return Promise.resolve({ durationSeconds: 3, width: 64, height: 64, codec: 'h264', hasAudio });
      },
    };
    return fake as unknown as MediaProbe & { calls: number };
  }

  const printer = (probe: MediaProbe) => new AudioPrinter(parseConfig({ PATH: '/usr/bin' }, () => true), probe);
  const once = [{ speed: 1, pitchChanged: false }];

  it('prints a soundtrack the upload found without probing the file again', async () => {
    const probe = probeAnswering(false);
    const variants = await printer(probe).print(withSound, once, true);
    expect(variants).toHaveLength(1);
    expect(variants![0].print.items.length).toBeGreaterThan(0);
    expect(probe.calls).toBe(0);
  });

  it('has no soundtrack where the upload found none, without probing or decoding', async () => {
    const probe = probeAnswering(true);
    expect(await printer(probe).print(join(dir, 'absent.mp4'), once, false)).toBeNull();
    expect(probe.calls).toBe(0);
  });

  it('probes a file whose soundtrack nobody recorded (a row written before uploads kept it)', async () => {
    const silent = probeAnswering(false);
    expect(await printer(silent).print(withSound, once, null)).toBeNull();
    expect(silent.calls).toBe(1);
    const sounding = probeAnswering(true);
    expect(await printer(sounding).print(withSound, once, null)).toHaveLength(1);
    expect(sounding.calls).toBe(1);
  });
});
