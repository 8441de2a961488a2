import { PdfRenderer } from './pdf-renderer.service';

const FONT = { path: '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc', face: 'WenQuanYiZenHei' };
const spec = { title: 't', footer: 'f', blocks: [{ kind: 'title' as const, text: '侵权报告' }] };

describe('PdfRenderer', () => {
  const renderer = new PdfRenderer();
  afterAll(() => renderer.onModuleDestroy());

  it('draws in its thread and hands back the file', async () => {
    const pdf = await renderer.render(spec, FONT);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('reports a drawing that fails, and draws the next one', async () => {
    await expect(renderer.render(spec, { path: '/nonexistent/font.ttf' })).rejects.toThrow(/the PDF could not be drawn: .*nonexistent/);
    expect((await renderer.render(spec, FONT)).length).toBeGreaterThan(1000);
  });
});
