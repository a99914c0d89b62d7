import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Write-offs go through the credit ledger (credit_notes.kind = 'write_off', counted apart on the invoice), and the
 * unapplied credit per client and currency is published as `invoicing.client_credit_v1` for the collections sweep
 * (a client whose credit covers its overdue balance is not dunned).
 */
export class AddWriteOffsAndCredit1765200000001 implements MigrationInterface {
  name = 'AddWriteOffsAndCredit1765200000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "invoicing"."invoices" ADD "amount_written_off" bigint NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE "invoicing"."invoices" DROP CONSTRAINT "invoices_amounts_check"`);
    await queryRunner.query(
      `ALTER TABLE "invoicing"."invoices" ADD CONSTRAINT "invoices_amounts_check" CHECK (total >= 0 AND amount_paid >= 0 AND amount_credited >= 0 AND amount_discounted >= 0 AND amount_paid + amount_credited + amount_discounted <= total
   AND amount_written_off >= 0 AND amount_written_off <= amount_credited)`,
    );
    await queryRunner.query(`ALTER TABLE "invoicing"."credit_notes" ADD "kind" character varying(16) NOT NULL DEFAULT 'credit_note'`);
    await queryRunner.query(`ALTER TABLE "invoicing"."credit_notes" ADD "created_by" uuid`);
    await queryRunner.query(`ALTER TABLE "invoicing"."credit_notes" ADD CONSTRAINT "credit_notes_kind_check" CHECK (kind IN ('credit_note', 'write_off'))`);
    await queryRunner.query(`CREATE INDEX "payments_unapplied_credit_idx" ON "invoicing"."payments" ("client_id", "currency") WHERE status = 'applied' AND unapplied_amount > 0`);
    // Published contract (DESIGN.md principle 1): the collections sweep reads it, never the payments table.
    await queryRunner.query(`
      CREATE VIEW invoicing.client_credit_v1 AS
        SELECT client_id, currency, sum(unapplied_amount)::bigint AS unapplied
        FROM invoicing.payments WHERE status = 'applied' AND unapplied_amount > 0
        GROUP BY client_id, currency`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP VIEW invoicing.client_credit_v1`);
    await queryRunner.query(`DROP INDEX "invoicing"."payments_unapplied_credit_idx"`);
    await queryRunner.query(`ALTER TABLE "invoicing"."credit_notes" DROP CONSTRAINT "credit_notes_kind_check"`);
    await queryRunner.query(`ALTER TABLE "invoicing"."credit_notes" DROP COLUMN "created_by"`);
    await queryRunner.query(`ALTER TABLE "invoicing"."credit_notes" DROP COLUMN "kind"`);
    await queryRunner.query(`ALTER TABLE "invoicing"."invoices" DROP CONSTRAINT "invoices_amounts_check"`);
    await queryRunner.query(
      `ALTER TABLE "invoicing"."invoices" ADD CONSTRAINT "invoices_amounts_check" CHECK (total >= 0 AND amount_paid >= 0 AND amount_credited >= 0 AND amount_discounted >= 0 AND amount_paid + amount_credited + amount_discounted <= total)`,
    );
    await queryRunner.query(`ALTER TABLE "invoicing"."invoices" DROP COLUMN "amount_written_off"`);
  }
}
