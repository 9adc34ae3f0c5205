/**
 * The portal's build: Preact through Vite's own JSX transform (oxc), no plugin. `npm start` and the
 * browser tests build it with `build()` (infra/local/portal.ts); the output in portal/dist is what
 * CDK deploys.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', sourcemap: true, reportCompressedSize: false },
  logLevel: 'warn',
});
