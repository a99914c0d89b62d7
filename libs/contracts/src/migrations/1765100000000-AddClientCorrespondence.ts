import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Billing contacts and the postal address of a client, published to the letters of the invoicing context
 * through contracts.client_correspondence_v1 (kept apart from client_directory_v1: it holds personal data).
 */
export class AddClientCorrespondence1765100000000 implements MigrationInterface {
  name = 'AddClientCorrespondence1765100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "contracts"."clients" ADD "billing_contacts" jsonb NOT NULL DEFAULT '[]'::jsonb`);
    await queryRunner.query(`ALTER TABLE "contracts"."clients" ADD "postal_address" jsonb`);
    await queryRunner.query(`
      CREATE VIEW contracts.client_correspondence_v1 AS
        SELECT id, name, country, language, account_manager_id, billing_contacts, postal_address FROM contracts.clients`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP VIEW contracts.client_correspondence_v1`);
    await queryRunner.query(`ALTER TABLE "contracts"."clients" DROP COLUMN "postal_address"`);
    await queryRunner.query(`ALTER TABLE "contracts"."clients" DROP COLUMN "billing_contacts"`);
  }
}
