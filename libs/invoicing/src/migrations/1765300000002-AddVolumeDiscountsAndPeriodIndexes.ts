import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What an invoice got from its contract's volume tiers (and the volume so far), and indexes for the period reports
 * and the `from`/`to` filters (invoices by issue date, payments by received date).
 */
export class AddVolumeDiscountsAndPeriodIndexes1765300000002 implements MigrationInterface {
  name = 'AddVolumeDiscountsAndPeriodIndexes1765300000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "invoicing"."invoices" ADD "volume_discount" jsonb`);
    await queryRunner.query(`CREATE INDEX "invoices_issue_date_idx" ON "invoicing"."invoices" ("issue_date")`);
    await queryRunner.query(`CREATE INDEX "payments_received_on_idx" ON "invoicing"."payments" ("received_on")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "invoicing"."payments_received_on_idx"`);
    await queryRunner.query(`DROP INDEX "invoicing"."invoices_issue_date_idx"`);
    await queryRunner.query(`ALTER TABLE "invoicing"."invoices" DROP COLUMN "volume_discount"`);
  }
}
