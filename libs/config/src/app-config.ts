import { z } from 'zod';

/** A whole number of seconds/attempts from the environment, within bounds, with a default. */
const count = (min: number, max: number, fallback: number) =>
  z.coerce.number().int().min(min).max(max).default(fallback);

/** "true"/"1"/"yes" or "false"/"0"/"no" (anything else is refused, naming the variable). */
const flag = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no', ''])
    .default(fallback ? 'true' : 'false')
    .transform((v) => v === 'true' || v === '1' || v === 'yes');

/**
 * The one environment schema. Parsed once at boot; a bad or missing variable fails fast with
 * its name. Nothing else in apps/ or libs/ reads process.env.
 */
export const appConfigSchema = z.object({
  DATABASE_URL: z.string().url({ message: 'must be a postgres:// URL' }),
  TEMPORAL_ADDRESS: z.string().min(1).default('127.0.0.1:7233'),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  /** The Temporal Web UI the web app links admins to (a case's workflow there). */
  TEMPORAL_UI_URL: z.string().url().default('http://127.0.0.1:8233'),
  TEMPORAL_TASK_QUEUE: z.string().min(1).default('after-sales'),
  /**
   * The task queue the organisations' Temporal Schedules start their workflows on (monthly
   * review, follow-up plans): one value for every worker of a deployment, so the schedules do
   * not follow whichever worker started last. Unset: TEMPORAL_TASK_QUEUE.
   */
  TEMPORAL_SCHEDULE_TASK_QUEUE: z.string().min(1).optional(),
  /**
   * How many workflows the worker keeps in its sticky cache (each cached open case costs
   * memory; an evicted one is replayed from history on its next task). Unset: the SDK's
   * default, sized from the worker's memory. `npm run bench:timers` compares sizes.
   */
  WORKER_MAX_CACHED_WORKFLOWS: z.coerce.number().int().min(0).max(1_000_000).optional(),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** The organisation tools/seed-demo.ts creates. Requests take theirs from the token only. */
  ASO_ORGANISATION_ID: z.string().min(1).default('demo'),
  /**
   * HS256 key of the access tokens. Unset: a random key per API process (tokens die with the
   * process and are not shared between instances), fine for a laptop, never for production.
   */
  AUTH_JWT_SECRET: z.string().min(32, { message: 'must be at least 32 characters' }).optional(),
  AUTH_ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(30).max(86_400).default(900),
  AUTH_REFRESH_TOKEN_TTL_SECONDS: z.coerce
    .number()
    .int()
    .min(60)
    .max(90 * 86_400)
    .default(7 * 86_400),
  AUTH_ISSUER: z.string().min(1).default('after-sales-api'),
  /**
   * Login throttling (counters in PostgreSQL, shared by every API instance). After
   * LOGIN_MAX_FAILURES failed logins of one account (organisation + username) within
   * LOGIN_FAILURE_WINDOW_SECONDS, that account is locked for LOGIN_LOCKOUT_SECONDS (429 with
   * Retry-After, even with the right password); LOGIN_ADDRESS_MAX_FAILURES failed logins or
   * refreshes from one client address lock that address the same way. Only failures count.
   */
  LOGIN_MAX_FAILURES: count(1, 10_000, 10),
  LOGIN_ADDRESS_MAX_FAILURES: count(1, 1_000_000, 100),
  LOGIN_FAILURE_WINDOW_SECONDS: count(1, 86_400, 900),
  LOGIN_LOCKOUT_SECONDS: count(1, 86_400, 900),
  /**
   * Behind a reverse proxy that sets X-Forwarded-For / X-Forwarded-Proto: the client address
   * (login throttling, logs) and TLS (HSTS) are taken from those headers. Never set it when
   * clients reach the API directly, or they choose their own address.
   */
  TRUST_PROXY: flag(false),
  /**
   * How often (ms) the API hands the claimed tasks of users whose absence has started to their
   * delegates (issue 12 #7; idempotent, every instance may sweep). 0 = never (an absence that
   * has already started is still handed over when it is recorded).
   */
  ABSENCE_SWEEP_MS: count(0, 86_400_000, 60_000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace']).default('info'),
  /** Largest case attachment accepted (bytes); larger uploads answer 413 PAYLOAD_TOO_LARGE. */
  ATTACHMENT_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(100 * 1024 * 1024)
    .default(10 * 1024 * 1024),
  /**
   * Bearer token a Prometheus scraper sends to GET /metrics. Unset: only loopback peers may
   * scrape (a sidecar on the same host); behind a same-host reverse proxy, set it.
   */
  METRICS_TOKEN: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.string().min(16, { message: 'must be at least 16 characters' }).optional(),
  ),
  /**
   * Outgoing webhooks (issue 11): whether endpoints may point to loopback, private or
   * link-local addresses (false in production: refused at registration and before each
   * attempt; tests and development set true to reach a receiver on 127.0.0.1).
   */
  WEBHOOK_ALLOW_PRIVATE_URLS: flag(false),
  /** First retry delay of a failed delivery (ms); each next one doubles, up to the maximum. */
  WEBHOOK_RETRY_INITIAL_MS: count(100, 3_600_000, 10_000),
  WEBHOOK_RETRY_MAX_MS: count(100, 86_400_000, 3_600_000),
  /** Attempts before a delivery is given up (failed); 20 ≈ 16 h with the defaults above. */
  WEBHOOK_MAX_ATTEMPTS: count(1, 1000, 20),
  /** How long one HTTP attempt may take (ms). */
  WEBHOOK_TIMEOUT_MS: count(100, 120_000, 10_000),
  /** How often (ms) the worker starts deliveries a crash left unstarted in the outbox; 0 = never. */
  WEBHOOK_SWEEP_MS: count(0, 3_600_000, 15_000),
});

export type AppConfig = z.infer<typeof appConfigSchema>;

export class ConfigError extends Error {
  constructor(readonly issues: string[]) {
    super(`Invalid configuration:\n  ${issues.join('\n  ')}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const parsed = appConfigSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  return parsed.data;
}
