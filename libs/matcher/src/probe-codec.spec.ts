import { renderClip, syntheticVideo } from '../../fingerprint/test/synthetic-video';
import { decodeProbes, encodeProbes } from './probe-codec';
import { fullProbe, probeClip } from './query-probe';

describe('clip probe codec', () => {
  const clip = renderClip(syntheticVideo(7, 6), 0, 4, 8, 72, 128);

  it('decodes the windows it encoded, hashes and hypotheses alike', () => {
    const a = fullProbe(clip);
    const b = fullProbe(clip.slice(10));
    const decoded = decodeProbes(encodeProbes([{ first: 0, probe: a }, { first: 10, probe: b }]));
    expect(decoded).toEqual([{ first: 0, probe: a }, { first: 10, probe: b }]);
    expect(a.hashes.some((w) => w !== 0)).toBe(true);
  });

  it('writes the words little-endian after the header, whatever the host', () => {
    const probe = fullProbe(clip);
    const data = encodeProbes([{ first: 3, probe }]);
    const json = data.readUInt32LE(12);
    const hashesAt = 16 + json + 4;
    expect(data.readUInt32LE(16 + json)).toBe(probe.frames);
    expect([0, 1, 2].map((k) => data.readUInt32LE(hashesAt + 4 * k))).toEqual([...probe.hashes.subarray(0, 3)]);
    expect(data.readUInt32LE(hashesAt + probe.hashes.byteLength)).toBe(probe.mirrored[0]);
  });

  it('refuses a probe with hashes missing, and a truncated or foreign file', () => {
    expect(() => encodeProbes([{ first: 0, probe: probeClip(clip) }])).toThrow(/fully hashed/);
    const data = encodeProbes([{ first: 0, probe: fullProbe(clip) }]);
    expect(() => decodeProbes(data.subarray(0, data.length - 1))).toThrow(/truncated/);
    expect(() => decodeProbes(Buffer.concat([data, Buffer.alloc(1)]))).toThrow(/trailing/);
    expect(() => decodeProbes(Buffer.from('GIF89a'))).toThrow(/not a clip probe/);
  });
});
