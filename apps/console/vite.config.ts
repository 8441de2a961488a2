import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

// The api serves the output under /console (CONSOLE_DIR, default dist/console).
export default defineConfig({
  root: here,
  base: '/console/',
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  build: { outDir: `${here}../../dist/console`, emptyOutDir: true, sourcemap: false, reportCompressedSize: false },
});
