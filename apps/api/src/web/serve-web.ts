import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';

/** Where `npm run build:web` (Vite) writes the app: dist/web, beside the compiled API. */
export const WEB_DIST = join(__dirname, '..', '..', '..', '..', 'web');

/** Client-side routes live under /app so they never meet an API path (/inbox, /cases, …). */
const SPA_PATH = /^\/(app(\/.*)?)?$/;
const NONCE_PLACEHOLDER = '__CSP_NONCE__';
const TEMPORAL_PLACEHOLDER = '__TEMPORAL_WORKFLOWS_URL__';

/** Settings the page reads from its <meta> tags (index.html). */
export interface WebSettings {
  /** `<Temporal UI>/namespaces/<ns>/workflows`: a case's workflow is `<this>/<case number>` */
  temporalWorkflowsUrl?: string;
}

const escapeAttr = (v: string) => v.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The web app's HTML page carries the API's CSP (common/http-hardening.ts) with one addition:
 * a per-response nonce in `style-src`, because Ant Design injects its component styles as
 * <style> elements at run time (its ConfigProvider `csp.nonce` stamps them). Scripts stay
 * `'self'` only; nothing else changes.
 */
export function withStyleNonce(csp: string, nonce: string): string {
  return csp
    .split(';')
    .map((d) => {
      const t = d.trim();
      return t.startsWith('style-src ') ? `${t} 'nonce-${nonce}'` : t;
    })
    .join(';');
}

/**
 * Serves the built web app at `/` (same origin as the API): hashed assets under /assets with a
 * year-long immutable cache, and index.html (never cached) for `/` and every `/app/…` path
 * (the SPA fallback). When the app was not built, `/` says how to build it.
 */
export function serveWebApp(
  app: NestExpressApplication,
  dir = WEB_DIST,
  settings: WebSettings = {},
): void {
  const indexFile = join(dir, 'index.html');
  const built = existsSync(indexFile);
  if (built) {
    app.useStaticAssets(join(dir, 'assets'), {
      prefix: '/assets/',
      index: false,
      immutable: true,
      maxAge: '365d',
      fallthrough: false,
    });
  }
  const html = built
    ? readFileSync(indexFile, 'utf8')
        .split(TEMPORAL_PLACEHOLDER)
        .join(escapeAttr(settings.temporalWorkflowsUrl ?? ''))
    : undefined;
  app.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !SPA_PATH.test(req.path)) return next();
    if (!html) {
      res.status(404).type('text/plain').send('web app not built: run `npm run build:web`\n');
      return;
    }
    const nonce = randomBytes(16).toString('base64');
    const csp = res.getHeader('content-security-policy');
    if (typeof csp === 'string')
      res.setHeader('content-security-policy', withStyleNonce(csp, nonce));
    res.setHeader('cache-control', 'no-cache');
    res.type('html').send(html.split(NONCE_PLACEHOLDER).join(nonce));
  });
}
