/**
 * `true` when A and B have exactly the same keys, else `never`: a mapper that spreads a row into
 * a contract (or back) asserts it, so a field added on one side only fails to compile instead of
 * leaking into an API answer or being dropped on the way to the database.
 */
export type SameKeys<A, B> = [Exclude<keyof A, keyof B>, Exclude<keyof B, keyof A>] extends [
  never,
  never,
]
  ? true
  : never;

export const iso = (d: Date): string => d.toISOString();
export const isoOrNull = (d: Date | null): string | null => (d === null ? null : d.toISOString());
export const date = (s: string): Date => new Date(s);
export const dateOrNull = (s: string | null): Date | null => (s === null ? null : new Date(s));
