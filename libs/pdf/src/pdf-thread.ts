import { parentPort } from 'node:worker_threads';
import { PdfBlock, PdfDocumentSpec } from './pdf-blocks';
import { PdfFont, renderPdf } from './render-pdf';

export interface PdfRequest {
  readonly id: number;
  readonly spec: PdfDocumentSpec;
  readonly font: PdfFont;
}

export type PdfResponse = { readonly id: number; readonly pdf: Uint8Array } | { readonly id: number; readonly error: string };

/** Buffers arrive as plain Uint8Arrays after the structured clone; pdfkit wants Buffers. */
function revive(block: PdfBlock): PdfBlock {
  return block.kind === 'image' ? { ...block, png: Buffer.from(block.png.buffer, block.png.byteOffset, block.png.byteLength) } : block;
}

parentPort?.on('message', (r: PdfRequest) => {
  // A missing font throws before drawing starts: answer it like any failed drawing, and stay up.
  Promise.resolve()
    .then(() => renderPdf({ ...r.spec, blocks: r.spec.blocks.map(revive) }, r.font))
    .then(
      (pdf) => parentPort?.postMessage({ id: r.id, pdf } satisfies PdfResponse),
      (e: Error) => parentPort?.postMessage({ id: r.id, error: e.message } satisfies PdfResponse),
    );
});
