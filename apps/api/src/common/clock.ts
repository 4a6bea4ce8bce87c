/** The API's only clock; tests may provide another. Workflows never see it. */
export const CLOCK = Symbol('CLOCK');
export type Clock = () => Date;
