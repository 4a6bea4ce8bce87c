import type { ZodError, ZodTypeAny, z } from 'zod';
import { ApiError } from './api-error';
import { assertText } from './text-rule';

/** Parses request input; every bad field is listed with its path (→ 400 VALIDATION_FAILED). */
export function parseInput<S extends ZodTypeAny>(
  schema: S,
  value: unknown,
  root = 'body',
): z.infer<S> {
  // The shared text rule first, so every DTO refuses NUL and lone surrogates the same way.
  assertText(value, root);
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw validationError(parsed.error, root);
  return parsed.data;
}

export function validationError(
  error: ZodError,
  root: string,
): ApiError<'VALIDATION_FAILED', { issues: Array<{ path: string; message: string }> }> {
  // An unknown key of a strict object is named itself (body.command.formDeadlines.x), not its parent.
  const issues = error.issues.flatMap((i) =>
    i.code === 'unrecognized_keys'
      ? i.keys.map((k) => ({ path: [root, ...i.path, k].join('.'), message: 'unknown field' }))
      : [{ path: [root, ...i.path].join('.'), message: i.message }],
  );
  return new ApiError(
    'VALIDATION_FAILED',
    `Invalid input: ${issues.map((i) => i.path).join(', ')}`,
    { issues },
  );
}
