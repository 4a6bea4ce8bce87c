/**
 * Compile-time drift checks between a case type's command schemas (the person commands) and the
 * domain's command union: used as the type of a `[true, …]` constant, so drift fails to compile.
 */
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
type DomainOf<C, T extends string> = DistributiveOmit<Extract<C, { type: T }>, 'actor'>;

/** Every person command has a schema, and every schema is a person command… */
export type SameTypes<A extends { type: string }, B extends { type: string }> = [
  Exclude<A['type'], B['type']>,
  Exclude<B['type'], A['type']>,
] extends [never, never]
  ? true
  : never;

/** …and what a schema accepts is what the domain command of that type takes. */
export type Fits<P extends { type: string }, C> = [
  P extends unknown ? (P extends DomainOf<C, P['type']> ? never : P['type']) : never,
] extends [never]
  ? true
  : never;
