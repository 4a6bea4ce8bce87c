import { IncomingMessage, ServerResponse } from 'node:http';
import type { Params } from 'nestjs-pino';
import type { LoggerOptions } from 'pino';
import type { AuthedRequest } from '../auth/auth-user';
import { maskPhone } from './mask';

/**
 * What never reaches a log line: passwords, tokens, secrets, authorization headers and
 * cookies (removed), and phone numbers (masked, wherever they appear, also inside strings).
 * Applied by key name at any depth, so a new DTO field called `password` is covered too.
 */
const SECRET_KEY = /pass(word)?|token|secret|authorization|cookie|hash/i;
const PHONE_KEY = /phone|mobile|tel$/i;
const PHONE_IN_TEXT = /(?<!\d)(\+?86[- ]?)?1[3-9]\d(?:[- ]?\d{4}){2}(?!\d)/g;
const BEARER_IN_TEXT = /Bearer\s+[\w.-]+/gi;
const JWT_IN_TEXT = /eyJ[\w-]*\.[\w-]+\.[\w-]+/g;

export const REDACTED = '[REDACTED]';

/**
 * A query parameter whose name says secret or personal (`password`, `access_token`, `token`,
 * `refresh_token`, `api_key`, `phone`, `signature`, …): its value is replaced wherever a URL
 * appears in a log line (pino-http's req.url, error messages). Clients should never send
 * these in a URL, but when one does, the log must not keep it.
 */
const SENSITIVE_PARAM = /pass|token|secret|auth|cookie|hash|phone|mobile|tel|key|sig|code|otp/i;
const QUERY_PARAM = /([?&;])([^=&#\s]+)=([^&#\s]*)/g;

function decoded(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
}

/** URL query values of sensitive parameters → [REDACTED] (names matched URL-decoded). */
export function scrubQuery(s: string): string {
  return s.replace(QUERY_PARAM, (whole, sep: string, name: string) =>
    SENSITIVE_PARAM.test(decoded(name)) ? `${sep}${name}=${REDACTED}` : whole,
  );
}

export function scrubText(s: string): string {
  return scrubQuery(s)
    .replace(BEARER_IN_TEXT, `Bearer ${REDACTED}`)
    .replace(JWT_IN_TEXT, REDACTED)
    .replace(PHONE_IN_TEXT, (m) => maskPhone(m) ?? m);
}

/**
 * What a key name says of its value, remembered: every request line names the same few dozen
 * keys, and two regex tests per key per line were a visible part of a request's CPU (issue 14).
 * Bounded, because records can carry keys that came from a request body.
 */
type KeyKind = 'secret' | 'phone' | 'plain';
const keyKinds = new Map<string, KeyKind>();
const KEY_KINDS_MAX = 1024;

function kindOfKey(k: string): KeyKind {
  const known = keyKinds.get(k);
  if (known) return known;
  const kind: KeyKind = SECRET_KEY.test(k) ? 'secret' : PHONE_KEY.test(k) ? 'phone' : 'plain';
  if (keyKinds.size < KEY_KINDS_MAX) keyKinds.set(k, kind);
  return kind;
}

/**
 * pino-http's request and response: their serializers (loggerParams) keep only the id, method,
 * scrubbed URL and status, so they are handed over as they are. Walking one copied its socket,
 * headers and request to depth 8, twice per request line (the hook, then the formatter): the
 * largest piece of app code in the API's CPU profile (issue 14). Under any other key, or
 * nested deeper (pino serializes top-level keys only), nothing would reduce them, so there they
 * are not written at all.
 */
const SERIALIZED_HTTP_KEYS = new Set(['req', 'res']);
const HTTP_MESSAGE = '[http message]';
const isHttpMessage = (v: unknown): boolean =>
  v instanceof IncomingMessage || v instanceof ServerResponse;

/** A redacted deep copy of a log record (cycles and depth are bounded). */
export function scrubLogValue(value: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
  if (typeof value === 'string') return scrubText(value);
  if (value === null || typeof value !== 'object') return value;
  if (isHttpMessage(value)) return HTTP_MESSAGE;
  if (depth > 8 || seen.has(value)) return '[…]';
  seen.add(value);
  if (value instanceof Error) {
    return {
      type: value.name,
      message: scrubText(value.message),
      stack: value.stack && scrubText(value.stack),
    };
  }
  if (Array.isArray(value)) return value.map((v) => scrubLogValue(v, depth + 1, seen));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    const kind = kindOfKey(k);
    if (kind === 'secret') out[k] = REDACTED;
    // pino's serializers act on a record's top-level keys only
    else if (isHttpMessage(v))
      out[k] = depth === 0 && SERIALIZED_HTTP_KEYS.has(k) ? v : HTTP_MESSAGE;
    else if (kind === 'phone' && (typeof v === 'string' || typeof v === 'number'))
      out[k] = maskPhone(String(v));
    else out[k] = scrubLogValue(v, depth + 1, seen);
  }
  return out;
}

/** pino options of the API: levels, redaction of every record and message. */
export function pinoOptions(level: string): LoggerOptions {
  return {
    level,
    base: { service: 'api' },
    formatters: { log: (obj) => scrubLogValue(obj) as Record<string, unknown> },
    hooks: {
      logMethod(args, method) {
        // Messages (and printf-style arguments) are scrubbed like record fields.
        const cleaned = args.map((a) => scrubLogValue(a)) as Parameters<typeof method>;
        method.apply(this, cleaned);
      },
    },
  };
}

/** Case number of a request: the route's :caseNumber, or the case part of a :taskId. */
function caseNumberOf(req: AuthedRequest): string | undefined {
  const params = req.params ?? {};
  if (typeof params.caseNumber === 'string') return params.caseNumber;
  if (typeof params.taskId === 'string') return /^(.*)-T\d+$/.exec(params.taskId)?.[1];
  return undefined;
}

/** nestjs-pino: one line per request with request id (req.id), user, organisation and case number. */
export function loggerParams(level: string): Params {
  return {
    pinoHttp: {
      ...pinoOptions(level),
      genReqId: (req: IncomingMessage) => (req as AuthedRequest).id ?? 'unknown',
      // Evaluated again when the response finishes, when the user and route params are known.
      customProps: (req: IncomingMessage, res: ServerResponse) => {
        const r = req as AuthedRequest;
        return {
          statusCode: res.writableFinished ? res.statusCode : undefined,
          userId: r.user?.id,
          organisationId: r.user?.organisationId,
          caseNumber: caseNumberOf(r),
        };
      },
      // Only what helps: never headers (authorization, cookies) or bodies.
      serializers: {
        req: (req: { id?: string; method?: string; url?: string }) => ({
          id: req.id,
          method: req.method,
          // Scrubbed here too: pino applies serializers after the record formatter.
          url: req.url === undefined ? undefined : scrubText(req.url),
        }),
        // The status only: the response headers (helmet's dozen, the CSP) told nothing a reader
        // needs and were most of what every line scrubbed and wrote.
        // (pino-http hands it the standard serialization, whose statusCode is null until the
        // headers are out, with the response itself as `raw`.)
        res: (res: { statusCode?: number | null; raw?: { statusCode?: number } }) => ({
          statusCode: res.raw?.statusCode ?? res.statusCode,
        }),
      },
    },
  };
}
