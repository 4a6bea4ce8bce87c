import type { DataSource } from 'typeorm';

/** A month's sales volume of an organisation (migration 1763803300000): the complaint rate's denominator. */
export interface SalesVolume {
  month: string;
  units: number;
  orders: number | null;
  recordedBy: string;
  recordedAt: string;
}

export class SalesVolumesRepository {
  constructor(private readonly ds: DataSource) {}

  /** Records (or replaces) the month's volume; answers whether the month was new. */
  async upsert(
    organisationId: string,
    v: { month: string; units: number; orders: number | null },
    recordedBy: string,
    at: Date,
  ): Promise<{ created: boolean }> {
    const rows: Array<{ created: boolean }> = await this.ds.query(
      `INSERT INTO sales_volumes (organisation_id, month, units, orders, recorded_by, recorded_at)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (organisation_id, month) DO UPDATE SET
         units = EXCLUDED.units, orders = EXCLUDED.orders,
         recorded_by = EXCLUDED.recorded_by, recorded_at = EXCLUDED.recorded_at
       RETURNING (xmax = 0) AS created`,
      [organisationId, v.month, v.units, v.orders, recordedBy, at],
    );
    return { created: Boolean(rows[0]?.created) };
  }

  /** The months in [fromMonth, toMonth] that have a volume, in order. */
  async between(
    organisationId: string,
    fromMonth: string,
    toMonth: string,
  ): Promise<SalesVolume[]> {
    const rows: Array<{
      month: string;
      units: number;
      orders: number | null;
      recorded_by: string;
      recorded_at: Date;
    }> = await this.ds.query(
      `SELECT month, units, orders, recorded_by, recorded_at FROM sales_volumes
        WHERE organisation_id = $1 AND month >= $2 AND month <= $3 ORDER BY month`,
      [organisationId, fromMonth, toMonth],
    );
    return rows.map((r) => ({
      month: r.month,
      units: r.units,
      orders: r.orders,
      recordedBy: r.recorded_by,
      recordedAt: new Date(r.recorded_at).toISOString(),
    }));
  }
}
