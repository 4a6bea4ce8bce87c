/** Time always comes in as an argument: a Date or epoch milliseconds. Never the clock. */
export type Instant = Date | number;

export const toMs = (instant: Instant): number =>
  typeof instant === 'number' ? instant : instant.getTime();
