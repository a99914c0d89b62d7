import { MigrationInterface, QueryRunner } from 'typeorm';

/** Late interest can be charged on an interest invoice (kind `interest`, linked to its original) or waived; both are recorded. */
export class ChargeAndWaiveInterest1764900000000 implements MigrationInterface {
  name = 'ChargeAndWaiveInterest1764900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "invoicing"."interest_adjustments" ("id" uuid NOT NULL, "invoice_id" uuid NOT NULL, "kind" character varying(8) NOT NULL, "through" date NOT NULL, "interest" bigint NOT NULL, "fees" bigint NOT NULL, "reason" character varying(1000), "actor_id" uuid NOT NULL, "interest_invoice_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "interest_adjustments_amounts_check" CHECK (interest >= 0 AND fees >= 0), CONSTRAINT "interest_adjustments_kind_check" CHECK (kind IN ('charge', 'waive')), CONSTRAINT "PK_41acd9ff61f0b07a2efd2bbae00" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "interest_adjustments_invoice_id_idx" ON "invoicing"."interest_adjustments"  ("invoice_id")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "interest_adjustments_one_waiver_key" ON "invoicing"."interest_adjustments"  ("invoice_id") WHERE kind = 'waive'`);
    await queryRunner.query(`ALTER TABLE "invoicing"."invoices" ADD "kind" character varying(16) NOT NULL DEFAULT 'standard'`);
    await queryRunner.query(`ALTER TABLE "invoicing"."invoices" ADD "original_invoice_id" uuid`);
    await queryRunner.query(`CREATE INDEX "invoices_original_invoice_id_idx" ON "invoicing"."invoices"  ("original_invoice_id") WHERE original_invoice_id IS NOT NULL`);
    await queryRunner.query(`ALTER TABLE "invoicing"."invoices" ADD CONSTRAINT "invoices_kind_check" CHECK (kind IN ('standard', 'interest'))`);
    await queryRunner.query(`ALTER TABLE "invoicing"."interest_adjustments" ADD CONSTRAINT "interest_adjustments_invoice_id_fkey" FOREIGN KEY ("invoice_id") REFERENCES "invoicing"."invoices"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "invoicing"."interest_adjustments"`);
    await queryRunner.query(`ALTER TABLE "invoicing"."invoices" DROP CONSTRAINT "invoices_kind_check"`);
    await queryRunner.query(`DROP INDEX "invoicing"."invoices_original_invoice_id_idx"`);
    await queryRunner.query(`ALTER TABLE "invoicing"."invoices" DROP COLUMN "original_invoice_id"`);
    await queryRunner.query(`ALTER TABLE "invoicing"."invoices" DROP COLUMN "kind"`);
  }
}
