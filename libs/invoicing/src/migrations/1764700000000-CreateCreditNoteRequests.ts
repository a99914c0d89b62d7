import { MigrationInterface, QueryRunner } from 'typeorm';

/** Account managers ask for credit notes; finance approves (issuing the note) or rejects them. */
export class CreateCreditNoteRequests1764700000000 implements MigrationInterface {
  name = 'CreateCreditNoteRequests1764700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "invoicing"."credit_note_requests" ("id" uuid NOT NULL, "invoice_id" uuid NOT NULL, "client_id" uuid NOT NULL, "amount" bigint NOT NULL, "currency" character(3) NOT NULL, "reason" character varying(1000) NOT NULL, "status" character varying(16) NOT NULL DEFAULT 'pending', "requested_by" uuid NOT NULL, "decided_by" uuid, "decided_at" TIMESTAMP WITH TIME ZONE, "decision_note" character varying(1000), "credit_note_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "credit_note_requests_status_check" CHECK (status IN ('pending', 'approved', 'rejected')), CONSTRAINT "credit_note_requests_amount_check" CHECK (amount > 0), CONSTRAINT "PK_f3bf0b44c79b176cbc074b592cf" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "credit_note_requests_invoice_id_idx" ON "invoicing"."credit_note_requests"  ("invoice_id")`);
    await queryRunner.query(`CREATE INDEX "credit_note_requests_status_idx" ON "invoicing"."credit_note_requests"  ("status", "id")`);
    await queryRunner.query(`ALTER TABLE "invoicing"."credit_note_requests" ADD CONSTRAINT "credit_note_requests_invoice_id_fkey" FOREIGN KEY ("invoice_id") REFERENCES "invoicing"."invoices"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "invoicing"."credit_note_requests"`);
  }
}
