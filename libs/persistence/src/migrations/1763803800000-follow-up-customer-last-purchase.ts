import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * F02 004 三.(一)2 长期未消费客户: the CS follow-up customer register knows each customer's last
 * purchase (optional), from which the daily plan run calls the long-inactive ones.
 */
export class FollowUpCustomerLastPurchase1763803800000 implements MigrationInterface {
  name = 'FollowUpCustomerLastPurchase1763803800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE follow_up_customers ADD COLUMN last_purchase_on date`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE follow_up_customers DROP COLUMN last_purchase_on`);
  }
}
