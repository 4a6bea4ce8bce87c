import { createHash } from 'node:crypto';
import type { AppConfig } from '@aso/config';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { DOCS_STYLE } from '../openapi/docs-page';

const HSTS_MAX_AGE_SECONDS = 365 * 86_400;

/** The hash form CSP uses to allow one exact inline stylesheet. */
const cspHash = (text: string): string =>
  `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/**
 * Same-origin everything: the /docs page (its one inline stylesheet allowed by hash, no script)
 * and a web UI served by us both work under it; nothing may frame the API.
 */
export const CONTENT_SECURITY_POLICY = {
  useDefaults: false,
  directives: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'", cspHash(DOCS_STYLE)],
    imgSrc: ["'self'", 'data:'],
    fontSrc: ["'self'"],
    connectSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  },
};

/**
 * Responses may be cached only when they carry neither tokens nor personal data: the public
 * API description. Everything else (sessions, cases, tasks, inbox, users, audit exports,
 * reports, attachments, errors) is `no-store`, set before any route so no handler can forget.
 */
const CACHEABLE = /^\/docs(\/|$)/;

function noStore(req: Request, res: Response, next: NextFunction): void {
  if (!CACHEABLE.test(req.path)) res.setHeader('Cache-Control', 'no-store');
  next();
}

/**
 * HTTP hardening of the API (issue 8 #10): helmet's headers (nosniff, X-Frame-Options DENY,
 * the CSP above, no X-Powered-By, …), HSTS only on requests that arrived over TLS (directly,
 * or per X-Forwarded-Proto from a trusted proxy: a plain-HTTP laptop run must not pin
 * browsers to https), and the client address / TLS flag from one reverse proxy when
 * TRUST_PROXY is set (login throttling counts per address).
 */
export function hardenHttp(app: NestExpressApplication, config: AppConfig): void {
  // One hop: req.ip is the address our proxy saw, not one a client wrote into the header.
  app.set('trust proxy', config.TRUST_PROXY ? 1 : false);
  app.disable('x-powered-by');
  // No ETag computed over every JSON body: the API's answers are no-store, so no client sends
  // it back, and hashing a 50-row inbox page was work for nothing (issue 14). Attachments and
  // the web app's files keep theirs (set by the attachment route and serve-static).
  app.set('etag', false);
  app.use(
    helmet({
      contentSecurityPolicy: CONTENT_SECURITY_POLICY,
      frameguard: { action: 'deny' },
      strictTransportSecurity: false,
    }),
  );
  const hsts = helmet.strictTransportSecurity({
    maxAge: HSTS_MAX_AGE_SECONDS,
    includeSubDomains: true,
  });
  app.use((req: Request, res: Response, next: NextFunction) =>
    req.secure ? hsts(req, res, next) : next(),
  );
  app.use(noStore);
}
