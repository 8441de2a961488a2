import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createWork, matchClip, registerEpisode } from './support/api-calls';
import { fixtures } from './support/fixtures';
import { TestStack } from './support/test-stack';

const run = promisify(execFile);

/** Share of a rendered page's pixels that are not near-white, and whether any of them is coloured. */
function ink(ppm: Buffer): { covered: number; coloured: boolean } {
  const [magic, width, height, max] = ppm.toString('latin1', 0, 40).split(/\s+/);
  if (magic !== 'P6' || max !== '255') throw new Error('not a binary 8-bit PPM');
  const pixels = Number(width) * Number(height);
  const start = ppm.length - pixels * 3;
  let covered = 0;
  let coloured = false;
  for (let i = start; i < ppm.length; i += 3) {
    const [r, g, b] = [ppm[i], ppm[i + 1], ppm[i + 2]];
    if (r < 200 || g < 200 || b < 200) covered++;
    if (Math.max(r, g, b) - Math.min(r, g, b) > 60) coloured = true;
  }
  return { covered: covered / pixels, coloured };
}

describe('the case report as PDF', () => {
  let stack: TestStack;
  let caseId: string;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dg-pdf-'));
    stack = await TestStack.start();
    const work = await createWork(stack, { title: '秘密新娘', originalTitle: 'The Secret Bride (Director’s cut)' });
    await registerEpisode(stack, work.id, await fixtures.episode1(), 1);
    const clip = await matchClip(stack, await fixtures.excerpt(), { platform: 'douyin', uploaderAccount: '@复制者' });
    caseId = clip.matches[0].caseId;
    expect(caseId).toBeDefined();
  });

  afterAll(async () => {
    await stack?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('renders the case, the certificate digest, the segment table and the evidence images, CJK text included', async () => {
    const report = (await stack.reviewer.http.get(`/cases/${caseId}/report`).expect(200)).body;
    const res = await stack.reviewer.http
      .get(`/cases/${caseId}/report.pdf`)
      .buffer(true)
      .parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const pdf = join(dir, 'report.pdf');
    writeFileSync(pdf, res.body as Buffer);

    const info = (await run('pdfinfo', [pdf])).stdout;
    const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(info).toMatch(/^Page size:\s+595\.\d* x 841\.\d* pts \(A4\)/m);

    const text = (await run('pdftotext', ['-layout', pdf, '-'])).stdout;
    expect(text).toContain('Infringement report: 秘密新娘, episode 1');
    expect(text).toContain('@复制者');
    expect(text).toContain(report.registration.certificateSha256);
    expect(text).toContain(report.registration.number);
    expect(text).toContain(report.clip.sha256);
    expect(report.segments.length).toBeGreaterThan(0);
    for (const s of report.segments) {
      expect(text).toContain(`${s.clipStart.toFixed(2)} s – ${s.clipEnd.toFixed(2)} s`);
      expect(text.replace(/\s+/g, '')).toContain(s.image.sha256);
    }
    expect(text).toContain(`page ${pages} of ${pages}`);

    const fonts = (await run('pdffonts', [pdf])).stdout;
    expect(fonts).toMatch(/WenQuanYiZenHei\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/);
    const images = (await run('pdfimages', ['-list', pdf])).stdout.split('\n').filter((l) => /^\s*\d+\s+\d+\s+image/.test(l));
    expect(images).toHaveLength(report.segments.length);

    await run('pdftoppm', ['-r', '30', pdf, join(dir, 'page')]);
    const rendered = readdirSync(dir).filter((f) => f.startsWith('page') && f.endsWith('.ppm')).sort();
    expect(rendered).toHaveLength(pages);
    const inks = rendered.map((f) => ink(readFileSync(join(dir, f))));
    for (const page of inks) expect(page.covered).toBeGreaterThan(0.002);
    // The evidence images are the only colour in the document; the text is black and grey.
    expect(inks.some((p) => p.coloured)).toBe(true);
    expect(inks.map((p) => p.covered).reduce((a, b) => Math.max(a, b))).toBeGreaterThan(0.1);
  });

  it('is not given to another rights holder', async () => {
    const other = await stack.createAccount('rights_holder', 'Other Studio');
    await other.http.get(`/cases/${caseId}/report.pdf`).expect(404);
  });
});
