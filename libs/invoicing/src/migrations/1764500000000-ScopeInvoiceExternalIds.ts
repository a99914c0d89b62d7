import { MigrationInterface, QueryRunner } from 'typeorm';

/** An invoice's externalId is unique per client, so a duplicate never reveals a hidden client's invoice. */
export class ScopeInvoiceExternalIds1764500000000 implements MigrationInterface {
  name = 'ScopeInvoiceExternalIds1764500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "invoicing"."invoices_external_id_key"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "invoices_client_external_id_key" ON "invoicing"."invoices" ("client_id", "external_id") WHERE external_id IS NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "invoicing"."invoices_client_external_id_key"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "invoices_external_id_key" ON "invoicing"."invoices" ("external_id") WHERE external_id IS NOT NULL`);
  }
}
