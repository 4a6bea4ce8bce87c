import { ApplicationFailure } from '@temporalio/common';

/** The failure type a workflow's recorder recognises: retrying this write cannot help. */
export const WRITE_REJECTED = 'WRITE_REJECTED';

/**
 * PostgreSQL error codes that mean "this content can never be stored", whatever the retry:
 * data exceptions on the text itself, not outages or lock conflicts (those stay retryable).
 *  22P05 untranslatable_character (NUL in jsonb, "unsupported Unicode escape sequence")
 *  22021 character_not_in_repertoire (NUL / invalid byte sequence in text)
 *  22P02 invalid_text_representation (e.g. a lone surrogate escape in jsonb)
 *  22001 string_data_right_truncation (value too long for its column)
 *  22003 numeric_value_out_of_range, 22007/22008 bad datetime, 22025 invalid escape sequence
 *  2202E array_subscript_error, 22023 invalid_parameter_value, 54000 program_limit_exceeded
 */
const PERMANENT_PG_CODES = new Set([
  '22P05',
  '22021',
  '22P02',
  '22001',
  '22003',
  '22007',
  '22008',
  '22025',
  '2202E',
  '22023',
  '54000',
]);

/** Errors our own code throws before the db when content cannot be represented at all. */
const PERMANENT_ERROR_NAMES = new Set(['CanonicalJsonError', 'AuditHashError']);

/** The PostgreSQL SQLSTATE of `e` (node-pg puts it on `code`, TypeORM wraps it in `driverError`). */
export function pgCodeOf(e: unknown): string | undefined {
  const err = e as { code?: unknown; driverError?: { code?: unknown } } | null;
  const code = err?.driverError?.code ?? err?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}

/**
 * A write failure that no retry can cure becomes a non-retryable ApplicationFailure of type
 * WRITE_REJECTED (details: the SQLSTATE), so the workflow sees it at once instead of the
 * local activity being retried forever and the case wedging; anything else is rethrown as is.
 */
export function classifyWriteFailure(e: unknown): unknown {
  if (e instanceof ApplicationFailure) return e;
  const code = pgCodeOf(e);
  const name = (e as Error | null)?.name;
  if ((code && PERMANENT_PG_CODES.has(code)) || (name && PERMANENT_ERROR_NAMES.has(name))) {
    const message = (e as Error).message ?? String(e);
    return ApplicationFailure.create({
      message: `write rejected by the database (${code ?? name}): ${message}`,
      type: WRITE_REJECTED,
      nonRetryable: true,
      details: [{ code: code ?? name, message }],
      cause: e instanceof Error ? e : undefined,
    });
  }
  return e;
}
