import { MigrationInterface, QueryRunner } from 'typeorm';

/** Imported bank statements, their entries (each once, by its identity), the payer accounts learnt from them, and invoice numbers indexed for matching. */
export class CreateBankStatements1765100000003 implements MigrationInterface {
  name = 'CreateBankStatements1765100000003';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "invoicing"."bank_statements" ("id" uuid NOT NULL, "message_id" character varying(64), "message_type" character varying(8) NOT NULL, "account" character varying(64), "status" character varying(16) NOT NULL, "error" character varying(1000), "counts" jsonb NOT NULL, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "bank_statements_status_check" CHECK (status IN ('processing', 'completed', 'failed')), CONSTRAINT "PK_5c1323356166100e9b4c6a21fda" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "invoicing"."bank_entries" ("id" uuid NOT NULL, "statement_id" uuid NOT NULL, "entry_key" character varying(500) NOT NULL, "account" character varying(64), "booking_date" date NOT NULL, "amount" bigint, "is_return" boolean NOT NULL DEFAULT false, "amount_text" character varying(32) NOT NULL, "currency" character(3) NOT NULL, "transactions" jsonb NOT NULL, "status" character varying(16) NOT NULL, "reasons" text array NOT NULL DEFAULT '{}', "payment_ids" uuid array NOT NULL DEFAULT '{}', "ignore_reason" character varying(500), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "bank_entries_status_check" CHECK (status IN ('pending', 'matched', 'partly_matched', 'unmatched', 'ignored', 'applied')), CONSTRAINT "PK_224b3c60e9f3b481dab184b67ba" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "bank_entries_statement_idx" ON "invoicing"."bank_entries" ("statement_id")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "bank_entries_entry_key_key" ON "invoicing"."bank_entries" ("entry_key")`);
    await queryRunner.query(`CREATE INDEX "bank_entries_status_idx" ON "invoicing"."bank_entries" ("status", "id")`);
    await queryRunner.query(`CREATE TABLE "invoicing"."payer_accounts" ("iban" character varying(34) NOT NULL, "client_id" uuid NOT NULL, "learnt_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_70e51ff065f375ba5694ed933f9" PRIMARY KEY ("iban"))`);
    await queryRunner.query(`CREATE INDEX "payer_accounts_client_idx" ON "invoicing"."payer_accounts" ("client_id")`);
    await queryRunner.query(`CREATE INDEX "invoices_number_idx" ON "invoicing"."invoices" ("number")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "invoicing"."invoices_number_idx"`);
    await queryRunner.query(`DROP TABLE "invoicing"."payer_accounts"`);
    await queryRunner.query(`DROP TABLE "invoicing"."bank_entries"`);
    await queryRunner.query(`DROP TABLE "invoicing"."bank_statements"`);
  }
}
