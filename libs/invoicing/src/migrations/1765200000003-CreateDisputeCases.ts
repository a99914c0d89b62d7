import { MigrationInterface, QueryRunner } from 'typeorm';

/** Dispute cases: an owned, dated complaint per disputed invoice, its notes and resolution; existing disputes become open cases. */
export class CreateDisputeCases1765200000003 implements MigrationInterface {
  name = 'CreateDisputeCases1765200000003';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "invoicing"."dispute_cases" ("id" uuid NOT NULL, "invoice_id" uuid NOT NULL, "client_id" uuid NOT NULL, "currency" character(3) NOT NULL, "amount" bigint NOT NULL, "reason_code" character varying(16) NOT NULL, "reason" character varying(1000) NOT NULL, "owner_id" uuid, "due_on" date NOT NULL, "notes" jsonb NOT NULL DEFAULT '[]', "status" character varying(16) NOT NULL DEFAULT 'open', "resolution" character varying(16), "resolution_amount" bigint, "credit_note_id" uuid, "proposed_resolution" character varying(16), "proposed_amount" bigint, "proposed_by" uuid, "opened_on" date NOT NULL, "opened_by" uuid, "resolved_on" date, "resolved_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "dispute_cases_reason_code_check" CHECK (reason_code IN ('price', 'quantity', 'quality', 'not_received', 'duplicate', 'other')), CONSTRAINT "dispute_cases_status_check" CHECK (status IN ('open', 'resolved')), CONSTRAINT "PK_09d44c2c7230ad1315c8be5a5d1" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "dispute_cases_opened_idx" ON "invoicing"."dispute_cases" ("opened_on")`);
    await queryRunner.query(`CREATE INDEX "dispute_cases_client_idx" ON "invoicing"."dispute_cases" ("client_id", "opened_on")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "dispute_cases_one_open_per_invoice" ON "invoicing"."dispute_cases" ("invoice_id") WHERE status = 'open'`);
    // Invoices disputed before cases existed become open cases owned by the client's manager, due in 14 days.
    await queryRunner.query(`
      INSERT INTO invoicing.dispute_cases (id, invoice_id, client_id, currency, amount, reason_code, reason, owner_id, due_on, opened_on)
      SELECT gen_random_uuid(), i.id, i.client_id, i.currency, i.total - i.amount_paid - i.amount_credited - i.amount_discounted, 'other',
             coalesce(i.dispute_reason, 'Disputed'), c.account_manager_id, (i.updated_at AT TIME ZONE 'UTC')::date + 14, (i.updated_at AT TIME ZONE 'UTC')::date
      FROM invoicing.invoices i LEFT JOIN contracts.client_directory_v1 c ON c.id = i.client_id
      WHERE i.disputed`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "invoicing"."dispute_cases"`);
  }
}
