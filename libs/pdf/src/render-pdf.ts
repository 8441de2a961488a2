import { readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import { PdfBlock, PdfDocumentSpec } from './pdf-blocks';
import { pngSize } from './png-size';

const MARGIN = 50;
const FONT = 'body';
const GREY = '#555555';
const RULE = '#bbbbbb';

/** A font file, and for a collection (.ttc) the face to use. */
export interface PdfFont {
  readonly path: string;
  readonly face?: string;
}

/** Font files read once per thread: pdfkit reads a path again for every document, and a CJK collection is about 17 MB. */
const fontFiles = new Map<string, Buffer>();

function fontFile(path: string): Buffer {
  let file = fontFiles.get(path);
  if (!file) fontFiles.set(path, (file = readFileSync(path)));
  return file;
}

/**
 * Draws the blocks on A4 pages in one font, which must cover every character
 * of the text (a CJK font for Chinese titles). Returns the whole file.
 */
export function renderPdf(spec: PdfDocumentSpec, font: PdfFont): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: MARGIN, bufferPages: true, info: { Title: spec.title, Creator: 'DramaGuard' } });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont(FONT, fontFile(font.path), font.face);
  doc.font(FONT);
  for (const block of spec.blocks) draw(doc, block);
  footers(doc, spec.footer);
  doc.end();
  return done;
}

function draw(doc: PDFKit.PDFDocument, block: PdfBlock): void {
  const width = doc.page.width - 2 * MARGIN;
  switch (block.kind) {
    case 'title':
      doc.fontSize(18).fillColor('black').text(block.text, { width });
      doc.moveDown(0.5);
      return;
    case 'heading':
      keepRoom(doc, 60);
      doc.moveDown(0.5).fontSize(13).fillColor('black').text(block.text, MARGIN, doc.y, { width });
      doc.moveDown(0.3);
      return;
    case 'paragraph':
      doc.fontSize(9.5).fillColor(GREY).text(block.text, MARGIN, doc.y, { width });
      doc.moveDown(0.5);
      return;
    case 'fields':
      return grid(doc, [0.28, 0.72], block.rows, null);
    case 'table':
      return grid(doc, block.widths, block.rows, block.columns);
    case 'image': {
      const image = pngSize(block.png);
      // Evidence images stack frame pairs and run tall: the image and its caption must fit one page.
      const scale = Math.min(1, width / image.width, (doc.page.height - 2 * MARGIN - 40) / image.height);
      keepRoom(doc, image.height * scale + 30);
      const top = doc.y;
      doc.image(block.png, MARGIN, top, { width: image.width * scale });
      doc.y = top + image.height * scale + 4;
      doc.fontSize(8.5).fillColor(GREY).text(block.caption, MARGIN, doc.y, { width });
      doc.moveDown(0.8);
      return;
    }
  }
}

/** Rows of cells in columns; a row that would cross the bottom margin starts a new page (with the header again). */
function grid(doc: PDFKit.PDFDocument, widths: readonly number[], rows: ReadonlyArray<readonly string[]>, header: readonly string[] | null): void {
  const total = doc.page.width - 2 * MARGIN;
  const columns = widths.map((w) => w * total);
  const pad = 3;
  const row = (cells: readonly string[], size: number, colour: string) => {
    doc.fontSize(size);
    const height = Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: columns[i] - 2 * pad }))) + 2 * pad;
    if (keepRoom(doc, height) && header && cells !== header) row(header, 8.5, GREY);
    const top = doc.y;
    let x = MARGIN;
    cells.forEach((c, i) => {
      doc.fillColor(colour).text(c, x + pad, top + pad, { width: columns[i] - 2 * pad });
      x += columns[i];
    });
    doc.moveTo(MARGIN, top + height).lineTo(MARGIN + total, top + height).lineWidth(0.5).strokeColor(RULE).stroke();
    doc.x = MARGIN;
    doc.y = top + height;
  };
  if (header) row(header, 8.5, GREY);
  // 9 pt keeps a SHA-256 in hex on one line of the value column.
  for (const r of rows) row(r, 9, 'black');
  doc.moveDown(0.8);
}

/** Starts a new page unless `height` points fit above the bottom margin; answers whether it did. */
function keepRoom(doc: PDFKit.PDFDocument, height: number): boolean {
  if (doc.y + height <= doc.page.height - MARGIN) return false;
  doc.addPage();
  return true;
}

function footers(doc: PDFKit.PDFDocument, footer: string): void {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    // Writing inside the bottom margin would make pdfkit add a page; lift the margin while the footer is drawn.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.fontSize(8).fillColor(GREY).text(`${footer}, page ${i + 1} of ${count}`, MARGIN, doc.page.height - MARGIN + 15, { width: doc.page.width - 2 * MARGIN, align: 'center', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
}
