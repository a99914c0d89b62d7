import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Published contract (DESIGN.md principle 1): the payments collections expects from what clients agreed, for the
 * invoicing context's collection plan. An active promise to pay is expected in full on its date; an active
 * instalment plan's instalments are expected on their due dates for what is not yet covered (payments on the
 * plan's invoices fill the instalments in order).
 */
export class PublishExpectedPayments1765200000005 implements MigrationInterface {
  name = 'PublishExpectedPayments1765200000005';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE VIEW collections.expected_payments_v1 AS
        SELECT 'promise'::text AS source, p.id AS source_id, p.client_id, p.currency, p.promised_date AS expected_on,
               p.promised_amount AS amount, '{}'::uuid[] AS invoice_ids
        FROM collections.promises p WHERE p.status = 'active'
        UNION ALL
        SELECT 'instalment', x.plan_id, x.client_id, x.currency, x.due_on,
               GREATEST(0, LEAST(x.amount, x.cumulative - x.paid))::bigint, x.invoice_ids
        FROM (
          SELECT ip.id AS plan_id, ip.client_id, ip.currency, ip.invoice_ids, (i.value->>'dueOn')::date AS due_on, (i.value->>'amount')::bigint AS amount,
                 sum((i.value->>'amount')::bigint) OVER (PARTITION BY ip.id ORDER BY i.ordinality) AS cumulative,
                 ip.total - coalesce((SELECT sum(r.balance) FROM invoicing.receivables_v1 r
                                      WHERE r.invoice_id = ANY(ip.invoice_ids) AND r.open_receivable), 0) AS paid
          FROM collections.instalment_plans ip, jsonb_array_elements(ip.instalments) WITH ORDINALITY AS i(value, ordinality)
          WHERE ip.status = 'active') x`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP VIEW collections.expected_payments_v1`);
  }
}
