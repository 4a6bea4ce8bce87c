import { z } from 'zod';

/**
 * The one environment schema. Parsed once at boot; a bad or missing variable fails fast with
 * its name. Nothing else in apps/ or libs/ reads process.env.
 */
export const appConfigSchema = z.object({
  DATABASE_URL: z.string().url({ message: 'must be a postgres:// URL' }),
  TEMPORAL_ADDRESS: z.string().min(1).default('127.0.0.1:7233'),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  TEMPORAL_TASK_QUEUE: z.string().min(1).default('after-sales'),
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
