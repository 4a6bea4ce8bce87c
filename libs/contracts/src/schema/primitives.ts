import { DURATION_UNITS } from '@aso/domain';
import { z } from 'zod';

/**
 * Building blocks of the contract schemas. Plain zod (no OpenAPI extension): the same schemas
 * run in the API, in the worker and inside the Temporal workflow bundle. The API adds OpenAPI
 * names and examples on its side (apps/api/src/**\/*.dto.ts).
 */

/** PostgreSQL text cannot hold NUL: refuse it at the edge instead of failing the insert (500). */
export const noNul = (s: string): boolean => !s.includes('\u0000');
export const NO_NUL_MESSAGE = 'must not contain NUL characters';

/** Non-empty free text, bounded so one command cannot bloat history. No transforms. */
export const text = (max: number) => z.string().min(1).max(max).refine(noNul, NO_NUL_MESSAGE);
/** Optional free text (may be empty). */
export const optionalText = (max: number) =>
  z.string().max(max).refine(noNul, NO_NUL_MESSAGE).optional();

/**
 * Money is whole fen (1/100 yuan). ¥10 billion is far above any after-sales amount and keeps
 * every sum a safe integer, so 1e20 or 0.5 never reach the domain's arithmetic.
 */
export const MAX_FEN = 1_000_000_000_000;
export const fen = z.number().int().nonnegative().max(MAX_FEN).describe('fen (1/100 yuan)');
export const positiveFen = z.number().int().positive().max(MAX_FEN).describe('fen (1/100 yuan)');

/** Quantities share the intake's bound (openComplaintSchema.quantity). */
export const MAX_QUANTITY = 1_000_000;
export const quantity = z.number().int().positive().max(MAX_QUANTITY);
export const quantityOrZero = z.number().int().nonnegative().max(MAX_QUANTITY);

/** A duration as a person sets it on a form (bounded: 10 000 of any unit). */
export const boundedDuration = z.object({
  amount: z.number().finite().nonnegative().max(10_000),
  unit: z.enum(DURATION_UNITS),
});

/** An ISO-8601 instant as the contracts carry it (`new Date().toISOString()`). */
export const isoInstant = z.string().describe('ISO-8601 instant');
export const isoInstantOrNull = isoInstant.nullable();

/** How a parser reports a refused payload: one entry per bad field, path relative to the payload. */
export interface ParseIssue {
  path: string;
  message: string;
}

/**
 * Issues of a failed parse, as the API names them (an unknown key of a strict object is named
 * itself, not its parent), under `root` (`command` → `command.report.findings`).
 */
export function issuesOf(error: z.ZodError, root?: string): ParseIssue[] {
  const prefix = root === undefined ? [] : [root];
  return error.issues.flatMap((i) =>
    i.code === 'unrecognized_keys'
      ? i.keys.map((k) => ({ path: [...prefix, ...i.path, k].join('.'), message: 'unknown field' }))
      : [{ path: [...prefix, ...i.path].join('.'), message: i.message }],
  );
}
