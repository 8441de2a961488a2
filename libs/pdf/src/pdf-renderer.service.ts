import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { PdfDocumentSpec } from './pdf-blocks';
import type { PdfRequest, PdfResponse } from './pdf-thread';
import type { PdfFont } from './render-pdf';

/**
 * Draws PDFs in a thread of their own (pdf-thread.ts): parsing a CJK font
 * and compressing images takes 100-300 ms of CPU per report, which must not
 * hold up the api's other requests. The thread starts with the first report
 * and again after a crash. Built code runs the compiled thread; the specs run
 * it through ts-node.
 */
@Injectable()
export class PdfRenderer implements OnModuleDestroy {
  private thread: Worker | null = null;
  private readonly pending = new Map<number, { resolve: (pdf: Buffer) => void; reject: (e: Error) => void }>();
  private nextId = 1;

  render(spec: PdfDocumentSpec, font: PdfFont): Promise<Buffer> {
    const thread = this.thread ?? this.start();
    const id = this.nextId++;
    return new Promise<Buffer>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      thread.postMessage({ id, spec, font } satisfies PdfRequest);
    });
  }

  async onModuleDestroy(): Promise<void> {
    const thread = this.thread;
    this.thread = null;
    await thread?.terminate();
  }

  private start(): Worker {
    const fromSources = __filename.endsWith('.ts');
    const entry = join(__dirname, fromSources ? 'pdf-thread.ts' : 'pdf-thread.js');
    const thread = new Worker(entry, fromSources ? { execArgv: ['--require', 'ts-node/register/transpile-only'] } : {});
    thread.on('message', (r: PdfResponse) => {
      const waiting = this.pending.get(r.id);
      if (!waiting) return;
      this.pending.delete(r.id);
      if ('error' in r) waiting.reject(new Error(`the PDF could not be drawn: ${r.error}`));
      else waiting.resolve(Buffer.from(r.pdf.buffer, r.pdf.byteOffset, r.pdf.byteLength));
    });
    const fail = (reason: string) => {
      if (this.thread === thread) this.thread = null;
      for (const waiting of this.pending.values()) waiting.reject(new Error(reason));
      this.pending.clear();
    };
    thread.on('error', (e) => fail(`the PDF thread failed: ${e.message}`));
    thread.on('exit', (code) => fail(`the PDF thread exited (code ${code})`));
    thread.unref();
    this.thread = thread;
    return thread;
  }
}
