export * from './pdf-blocks';
export * from './pdf-renderer.service';
export * from './pdf.module';
export * from './render-pdf';
