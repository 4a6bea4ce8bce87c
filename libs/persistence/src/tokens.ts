/** DI token of the initialised TypeORM DataSource. */
export const DATA_SOURCE = Symbol('DATA_SOURCE');
