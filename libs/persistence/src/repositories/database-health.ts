import type { DataSource } from 'typeorm';

/** Liveness of PostgreSQL for /healthz: one round trip, no table read. */
export class DatabaseHealth {
  constructor(private readonly ds: DataSource) {}

  async ping(): Promise<void> {
    await this.ds.query('SELECT 1');
  }
}
