import { audioPrintGraph } from './audio-args';

describe('audioPrintGraph', () => {
  const file = (name: string) => `/tmp/x/${name}`;

  it('decodes once, splits per correction plus the levels, and undoes tempo with atempo and resampling with asetrate', () => {
    const { filter, outputs } = audioPrintGraph(
      [
        { speed: 1, pitchChanged: false },
        { speed: 1.25, pitchChanged: false },
        { speed: 1.25, pitchChanged: true },
      ],
      file,
    );
    expect(filter).toBe(
      '[0:a:0]aformat=sample_fmts=s16:channel_layouts=mono,aresample=11025,asplit=4[lv][c0][c1][c2];[lv]aresample=4000[level];' +
        '[c0]anull[p0];[c1]atempo=0.800000[p1];[c2]asetrate=11025*0.800000,aresample=11025[p2]',
    );
    expect(outputs.map((o) => o.file)).toEqual(['/tmp/x/print-0.raw', '/tmp/x/print-1.raw', '/tmp/x/print-2.raw', '/tmp/x/level.pcm']);
    expect(outputs[1].options).toEqual(['-map', '[p1]', '-f', 'chromaprint', '-fp_format', 'raw', '-algorithm', '1']);
    expect(outputs[3].options).toEqual(['-map', '[level]', '-f', 's16le', '-acodec', 'pcm_s16le']);
  });

  it('refuses no correction, or one outside what atempo and asetrate can undo here', () => {
    expect(() => audioPrintGraph([], file)).toThrow(RangeError);
    expect(() => audioPrintGraph([{ speed: 3, pitchChanged: false }], file)).toThrow(/outside/);
  });
});
