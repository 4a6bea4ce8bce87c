import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

/**
 * src/boot.ts is an entry of its own, put first in the page: a tiny module the browser runs as
 * soon as it is loaded, which starts the session renewal and the inbox's first pages while the
 * app's bundle still loads (issue 11). The app imports its constants from it, so the main chunk
 * imports the boot chunk: one module, run once.
 */
function bootFirst(): Plugin {
  return {
    name: 'aso-boot-first',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const boot = Object.values(ctx.bundle ?? {}).find(
          (c) => c.type === 'chunk' && c.isEntry && c.name === 'boot',
        );
        if (!boot) throw new Error('vite.config.ts: no boot chunk in the bundle');
        return [
          {
            tag: 'script',
            attrs: { type: 'module', crossorigin: true, src: `/${boot.fileName}` },
            injectTo: 'head-prepend',
          },
        ];
      },
    },
  };
}

/** The web app, built into dist/web (served by the API at `/`: apps/api/src/web/serve-web.ts). */
export default defineConfig({
  root: here,
  base: '/',
  plugins: [react(), bootFirst()],
  resolve: {
    alias: {
      'resize-observer-polyfill': fileURLToPath(
        new URL('src/lib/resize-observer.ts', import.meta.url),
      ),
    },
  },
  build: {
    outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)),
    emptyOutDir: true,
    // Read by scripts/figures.mjs (JS shipped per route).
    manifest: true,
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      input: {
        index: fileURLToPath(new URL('index.html', import.meta.url)),
        boot: fileURLToPath(new URL('src/boot.ts', import.meta.url)),
      },
    },
    // No inline module-preload polyfill: the CSP allows scripts from 'self' only.
    modulePreload: { polyfill: false },
  },
  server: {
    proxy: {
      '^/(auth|inbox|tasks|cases|complaints|admin|reports|docs|healthz)': 'http://127.0.0.1:3000',
    },
  },
});
