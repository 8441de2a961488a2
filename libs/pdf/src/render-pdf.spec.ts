import { deflateSync } from 'node:zlib';
import { renderPdf } from './render-pdf';

/** Debian's fonts-wqy-zenhei, which scripts/bootstrap.mjs installs. */
const FONT = { path: '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc', face: 'WenQuanYiZenHei' };

/** A solid-colour RGB PNG, made by hand so the spec needs no image library. */
function png(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    out.write(type, 4, 'latin1');
    data.copy(out, 8);
    out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, 0x80)]);
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

function crc32(bytes: Buffer): number {
  let c = ~0;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

const pages = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;

describe('renderPdf', () => {
  it('writes a PDF with the text font embedded', async () => {
    const pdf = await renderPdf({ title: '报告', footer: 'case 1', blocks: [{ kind: 'title', text: '侵权报告 report' }, { kind: 'fields', rows: [['作品', '秘密新娘']] }] }, FONT);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pages(pdf)).toBe(1);
    expect(pdf.toString('latin1')).toContain('WenQuanYiZenHei');
  });

  it('breaks pages where a block does not fit and embeds every image', async () => {
    const image = png(640, 360);
    const blocks = [
      { kind: 'title' as const, text: 'Report' },
      { kind: 'table' as const, columns: ['#', 'from', 'to'], widths: [0.2, 0.4, 0.4], rows: Array.from({ length: 80 }, (_, i) => [String(i + 1), `${i} s`, `${i + 1} s`]) },
      ...Array.from({ length: 3 }, (_, i) => ({ kind: 'image' as const, png: image, caption: `segment ${i + 1}` })),
    ];
    const pdf = await renderPdf({ title: 'r', footer: 'case 2', blocks }, FONT);
    // 80 rows of about 17 pt fill two pages and more; three images of 280 pt need at least one more.
    expect(pages(pdf)).toBeGreaterThanOrEqual(3);
    expect((pdf.toString('latin1').match(/\/Subtype \/Image/g) ?? []).length).toBe(3);
  });

  it('shrinks an image taller than a page to fit one', async () => {
    const pdf = await renderPdf({ title: 'r', footer: 'f', blocks: [{ kind: 'image', png: png(400, 1200), caption: 'tall' }] }, FONT);
    expect(pages(pdf)).toBe(1);
  });
});
