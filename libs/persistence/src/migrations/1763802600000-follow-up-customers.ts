import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 12 item 1, follow-up plans (F01, F02, F06, F07; 004 三.(一), 五.(一)–(二)): the CS
 * follow-up customer register the daily plan run reads — who is called (a customer reference,
 * name, phone), as what kind (new after a purchase, old quarterly, key monthly) and the purchase
 * date a new customer's calls count from. One row per (organisation, customer); CS updates it.
 */
export class FollowUpCustomers1763802600000 implements MigrationInterface {
  name = 'FollowUpCustomers1763802600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE follow_up_customers (
        organisation_id  text NOT NULL,
        customer_ref     text NOT NULL,
        name             text NOT NULL,
        phone            text,
        kind             text NOT NULL CHECK (kind IN ('new', 'old', 'key')),
        purchase_date    date,
        store_id         text,
        updated_by       text NOT NULL,
        updated_at       timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (organisation_id, customer_ref),
        CHECK (kind <> 'new' OR purchase_date IS NOT NULL)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE follow_up_customers`);
  }
}
