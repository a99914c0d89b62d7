import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Published contract (DESIGN.md principle 1): a client's typical delay, the amount-weighted mean days late of its
 * invoices settled in the 365 days up to a date. Invoicing predicts payment dates with it, collections scores
 * solvency with it; the rule lives here once.
 */
export class PublishDaysLate1765200000004 implements MigrationInterface {
  name = 'PublishDaysLate1765200000004';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION invoicing.days_late_v1(client_ids uuid[], as_of date)
      RETURNS TABLE (client_id uuid, avg_days_late numeric) LANGUAGE sql STABLE AS $$
        SELECT i.client_id, sum(i.total * GREATEST(i.settled_on - i.due_date, 0))::numeric / NULLIF(sum(i.total), 0)
        FROM invoicing.invoices i
        WHERE i.client_id = ANY(client_ids) AND i.status = 'paid' AND i.settled_on > as_of - 365 AND i.settled_on <= as_of
        GROUP BY i.client_id
      $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION invoicing.days_late_v1(uuid[], date)`);
  }
}
