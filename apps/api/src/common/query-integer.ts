import { z } from 'zod';

/**
 * An integer query parameter: decimal digits only. `z.coerce.number()` took `0.0`, `1e1`,
 * `0x10` and ` 5` as numbers although the document declares an integer (issue 8 #14); here
 * only `^\d+$` is turned into a number, anything else reaches zod as a string and is refused.
 * The document shows the inner schema (type integer with its bounds).
 */
export const queryInteger = (min: number, max: number, fallback: number) =>
  z.preprocess(
    (v) => (typeof v === 'string' && /^\d{1,16}$/.test(v) ? Number(v) : v),
    z
      .number({ invalid_type_error: 'must be an integer in decimal digits' })
      .int()
      .min(min)
      .max(max)
      .default(fallback),
  );
