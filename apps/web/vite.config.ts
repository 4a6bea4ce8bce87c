import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

/** The web app, built into dist/web (served by the API at `/`: apps/api/src/web/serve-web.ts). */
export default defineConfig({
  root: here,
  base: '/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)),
    emptyOutDir: true,
    // Read by scripts/figures.mjs (JS shipped per route).
    manifest: true,
    chunkSizeWarningLimit: 1500,
    // No inline module-preload polyfill: the CSP allows scripts from 'self' only.
    modulePreload: { polyfill: false },
  },
  server: {
    proxy: {
      '^/(auth|inbox|tasks|cases|complaints|admin|reports|docs|healthz)': 'http://127.0.0.1:3000',
    },
  },
});
