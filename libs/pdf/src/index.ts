// render-pdf is the pdf thread's own: exported here, it would load pdfkit (5 MB of heap) into every process importing this library, each shard worker among them.
export * from './pdf-blocks';
export * from './pdf-renderer.service';
export * from './pdf.module';
