import type { PlanCustomer } from '@aso/domain';
import type { DataSource } from 'typeorm';

/**
 * The CS follow-up customer register (migration 1763802600000): whom the follow-up plans call
 * (004 三.(一)). Upserted by customer reference; read whole by the daily plan run.
 */
export class FollowUpCustomersRepository {
  constructor(private readonly ds: DataSource) {}

  /** Inserts or replaces the customer's entry; answers whether it was new. */
  async upsert(
    organisationId: string,
    c: PlanCustomer,
    updatedBy: string,
    at: Date,
  ): Promise<{ created: boolean }> {
    const rows: Array<{ created: boolean }> = await this.ds.query(
      `INSERT INTO follow_up_customers
         (organisation_id, customer_ref, name, phone, kind, purchase_date, store_id, updated_by, updated_at,
          last_purchase_on)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (organisation_id, customer_ref) DO UPDATE SET
         name = EXCLUDED.name, phone = EXCLUDED.phone, kind = EXCLUDED.kind,
         purchase_date = EXCLUDED.purchase_date, store_id = EXCLUDED.store_id,
         last_purchase_on = EXCLUDED.last_purchase_on,
         updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at
       RETURNING (xmax = 0) AS created`,
      [
        organisationId,
        c.customerRef,
        c.name,
        c.phone,
        c.kind,
        c.purchaseDate,
        c.storeId,
        updatedBy,
        at,
        c.lastPurchaseOn ?? null,
      ],
    );
    return { created: Boolean(rows[0]?.created) };
  }

  async list(organisationId: string): Promise<PlanCustomer[]> {
    const rows: Array<{
      customer_ref: string;
      name: string;
      phone: string | null;
      kind: PlanCustomer['kind'];
      purchase_date: string | null;
      store_id: string | null;
      last_purchase_on: string | null;
    }> = await this.ds.query(
      `SELECT customer_ref, name, phone, kind, to_char(purchase_date, 'YYYY-MM-DD') AS purchase_date,
              store_id, to_char(last_purchase_on, 'YYYY-MM-DD') AS last_purchase_on
         FROM follow_up_customers WHERE organisation_id = $1 ORDER BY customer_ref`,
      [organisationId],
    );
    return rows.map((r) => ({
      customerRef: r.customer_ref,
      name: r.name,
      phone: r.phone,
      kind: r.kind,
      purchaseDate: r.purchase_date,
      storeId: r.store_id,
      ...(r.last_purchase_on === null ? {} : { lastPurchaseOn: r.last_purchase_on }),
    }));
  }
}
