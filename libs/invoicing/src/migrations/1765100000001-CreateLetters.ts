import { MigrationInterface, QueryRunner } from 'typeorm';

/** Letters to debtors, their delivery attempts, admins' template versions, and the letter number sequence. */
export class CreateLetters1765100000001 implements MigrationInterface {
  name = 'CreateLetters1765100000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "invoicing"."letters" ("id" uuid NOT NULL, "number" character varying(32) NOT NULL, "client_id" uuid NOT NULL, "kind" character varying(16) NOT NULL, "level" smallint, "invoice_ids" uuid array NOT NULL, "dunning_key" character varying(200), "language" character varying(2) NOT NULL, "channel" character varying(8) NOT NULL, "recipient_email" character varying(254), "status" character varying(16) NOT NULL, "status_reason" character varying(500), "currency" character(3) NOT NULL, "total_due" bigint NOT NULL, "letter_date" date NOT NULL, "pay_by" date, "reference" character varying(25), "subject" character varying(500) NOT NULL, "body" text NOT NULL, "document" jsonb NOT NULL, "pdf" bytea, "sending_since" TIMESTAMP WITH TIME ZONE, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "sent_at" TIMESTAMP WITH TIME ZONE, "posted_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "letters_channel_check" CHECK (channel IN ('email', 'post')), CONSTRAINT "letters_status_check" CHECK (status IN ('draft', 'queued', 'sent', 'failed', 'posted')), CONSTRAINT "letters_kind_check" CHECK (kind IN ('reminder', 'final_notice', 'pre_trial_claim', 'statement')), CONSTRAINT "PK_bf70c41d26aa84cf2651d571889" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "letters_number_key" ON "invoicing"."letters" ("number")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "letters_reference_key" ON "invoicing"."letters" ("reference") WHERE reference IS NOT NULL`);
    await queryRunner.query(`CREATE UNIQUE INDEX "letters_dunning_key_key" ON "invoicing"."letters" ("dunning_key") WHERE dunning_key IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX "letters_client_id_idx" ON "invoicing"."letters" ("client_id", "id")`);
    await queryRunner.query(`CREATE TABLE "invoicing"."letter_attempts" ("id" uuid NOT NULL, "letter_id" uuid NOT NULL, "attempted_at" TIMESTAMP WITH TIME ZONE NOT NULL, "outcome" character varying(16) NOT NULL, "error" character varying(1000), CONSTRAINT "PK_cab9d6e5ad2e12f2372cb3c4117" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "letter_attempts_letter_id_idx" ON "invoicing"."letter_attempts" ("letter_id")`);
    await queryRunner.query(`CREATE TABLE "invoicing"."letter_templates" ("kind" character varying(16) NOT NULL, "language" character varying(2) NOT NULL, "subject" character varying(500) NOT NULL, "body" text NOT NULL, "updated_by" uuid NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_e98bdd400d93f6648defc1baeca" PRIMARY KEY ("kind", "language"))`);
    await queryRunner.query(`ALTER TABLE "invoicing"."letter_attempts" ADD CONSTRAINT "letter_attempts_letter_id_fkey" FOREIGN KEY ("letter_id") REFERENCES "invoicing"."letters"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`CREATE SEQUENCE "invoicing"."letter_number_seq"`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP SEQUENCE "invoicing"."letter_number_seq"`);
    await queryRunner.query(`DROP TABLE "invoicing"."letter_templates"`);
    await queryRunner.query(`DROP TABLE "invoicing"."letter_attempts"`);
    await queryRunner.query(`DROP TABLE "invoicing"."letters"`);
  }
}
