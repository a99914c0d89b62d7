import { MigrationInterface, QueryRunner } from 'typeorm';

/** Solvency reads each client's paid invoices of the last 365 days; without this it scans the client's whole history. */
export class IndexPaidInvoicesBySettlement1764300000000 implements MigrationInterface {
  name = 'IndexPaidInvoicesBySettlement1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "invoices_client_settled_idx" ON "invoicing"."invoices" ("client_id", "settled_on") WHERE status = 'paid'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "invoicing"."invoices_client_settled_idx"`);
  }
}
