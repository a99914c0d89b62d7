import { MigrationInterface, QueryRunner } from 'typeorm';

const COLUMNS = `id AS invoice_id, number, client_id, contract_id, currency, issue_date, due_date, total,
               amount_paid, amount_credited, amount_discounted,
               total - amount_paid - amount_credited - amount_discounted AS balance,
               status, disputed, settled_on, updated_at`;

/**
 * Publishes "open receivable" (open or partly paid, with a balance left) as a column of receivables_v1, so
 * that readers in other contexts stop writing the rule themselves. Appended: the view's columns stay as they
 * were, and the expression keeps the status condition the open-invoice partial indexes are declared with.
 */
export class PublishOpenReceivable1765000000002 implements MigrationInterface {
  name = 'PublishOpenReceivable1765000000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE OR REPLACE VIEW invoicing.receivables_v1 AS
        SELECT ${COLUMNS},
               status IN ('open', 'partially_paid') AND total - amount_paid - amount_credited - amount_discounted > 0 AS open_receivable
        FROM invoicing.invoices`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP VIEW invoicing.receivables_v1`);
    await queryRunner.query(`CREATE VIEW invoicing.receivables_v1 AS SELECT ${COLUMNS} FROM invoicing.invoices`);
  }
}
