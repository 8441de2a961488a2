import { audioItemCount, decodeAudioPrint, decodeAudioProbe, encodeAudioPrint, encodeAudioProbe } from './audio-codec';

const print = { items: Uint32Array.from([0, 1, 0xffffffff, 123456789, 42]), voiced: Uint8Array.from([1, 0, 1, 1, 0]) };

describe('audio codec', () => {
  it('round-trips a print, voiced bits included', () => {
    const back = decodeAudioPrint(encodeAudioPrint(print));
    expect([...back.items]).toEqual([...print.items]);
    expect([...back.voiced]).toEqual([...print.voiced]);
    expect(audioItemCount(encodeAudioPrint(print))).toBe(5);
  });

  it('round-trips a probe of several speed corrections', () => {
    const probe = [
      { speed: 1, pitchChanged: false, print },
      { speed: 1.0934, pitchChanged: true, print: { items: Uint32Array.from([7]), voiced: Uint8Array.from([1]) } },
    ];
    const back = decodeAudioProbe(encodeAudioProbe(probe));
    expect(back.map((v) => [v.speed, v.pitchChanged, v.print.items.length])).toEqual([
      [1, false, 5],
      [1.0934, true, 1],
    ]);
  });

  it('refuses bytes that are not a print, or a print cut short', () => {
    expect(() => decodeAudioPrint(Buffer.from('nope'))).toThrow(RangeError);
    expect(() => decodeAudioPrint(encodeAudioPrint(print).subarray(0, 20))).toThrow(/5 items/);
  });
});
