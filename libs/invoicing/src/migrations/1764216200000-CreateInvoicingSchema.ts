import { MigrationInterface, QueryRunner } from 'typeorm';

/** Invoices, credit notes, payments and their ledger, integrations, webhooks; the outbox and published views. */
export class CreateInvoicingSchema1764216200000 implements MigrationInterface {
  name = 'CreateInvoicingSchema1764216200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE SCHEMA IF NOT EXISTS invoicing`);
    await queryRunner.query(`CREATE TABLE "invoicing"."invoices" ("id" uuid NOT NULL, "number" character varying(64) NOT NULL, "client_id" uuid NOT NULL, "contract_id" uuid NOT NULL, "currency" character(3) NOT NULL, "issue_date" date NOT NULL, "due_date" date NOT NULL, "subtotal" bigint NOT NULL, "tax_total" bigint NOT NULL, "total" bigint NOT NULL, "amount_paid" bigint NOT NULL DEFAULT '0', "amount_credited" bigint NOT NULL DEFAULT '0', "amount_discounted" bigint NOT NULL DEFAULT '0', "status" character varying(16) NOT NULL DEFAULT 'open', "settled_on" date, "disputed" boolean NOT NULL DEFAULT false, "dispute_reason" character varying(1000), "external_id" character varying(255), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "invoices_amounts_check" CHECK (total >= 0 AND amount_paid >= 0 AND amount_credited >= 0 AND amount_discounted >= 0 AND amount_paid + amount_credited + amount_discounted <= total), CONSTRAINT "invoices_status_check" CHECK (status IN ('open', 'partially_paid', 'paid', 'void', 'written_off')), CONSTRAINT "PK_668cef7c22a427fd822cc1be3ce" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "invoices_contract_id_idx" ON "invoicing"."invoices"  ("contract_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "invoices_external_id_key" ON "invoicing"."invoices"  ("external_id") WHERE external_id IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX "invoices_due_date_open_idx" ON "invoicing"."invoices"  ("due_date", "id") WHERE status IN ('open', 'partially_paid')`);
    await queryRunner.query(`CREATE INDEX "invoices_client_open_idx" ON "invoicing"."invoices"  ("client_id", "currency", "due_date") WHERE status IN ('open', 'partially_paid')`);
    await queryRunner.query(`CREATE UNIQUE INDEX "invoices_client_id_number_key" ON "invoicing"."invoices"  ("client_id", "number") `);
    await queryRunner.query(`CREATE TABLE "invoicing"."credit_notes" ("id" uuid NOT NULL, "invoice_id" uuid NOT NULL, "client_id" uuid NOT NULL, "amount" bigint NOT NULL, "currency" character(3) NOT NULL, "reason" character varying(1000) NOT NULL, "issued_on" date NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "credit_notes_amount_check" CHECK (amount > 0), CONSTRAINT "PK_4933888a20b5469e119ad74b9e9" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "credit_notes_invoice_id_idx" ON "invoicing"."credit_notes"  ("invoice_id") `);
    await queryRunner.query(`CREATE TABLE "invoicing"."inbound_messages" ("integration_id" uuid NOT NULL, "message_id" character varying(255) NOT NULL, "type" character varying(64) NOT NULL, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_e505745719ea319710443218714" PRIMARY KEY ("integration_id", "message_id"))`);
    await queryRunner.query(`CREATE INDEX "inbound_messages_received_at_idx" ON "invoicing"."inbound_messages"  ("received_at") `);
    await queryRunner.query(`CREATE TABLE "invoicing"."integrations" ("id" uuid NOT NULL, "name" character varying(200) NOT NULL, "secret" character varying(200) NOT NULL, "previous_secret" character varying(200), "previous_secret_expires_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_9adcdc6d6f3922535361ce641e8" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "invoicing"."invoice_lines" ("invoice_id" uuid NOT NULL, "position" smallint NOT NULL, "description" character varying(500) NOT NULL, "quantity" numeric(18,4) NOT NULL, "unit_price" bigint NOT NULL, "tax_rate_percent" numeric(7,4) NOT NULL DEFAULT '0', "net_amount" bigint NOT NULL, "tax_amount" bigint NOT NULL, CONSTRAINT "PK_5d7d64cb2e3739cfa97ca6c6185" PRIMARY KEY ("invoice_id", "position"))`);
    await queryRunner.query(`CREATE TABLE "invoicing"."payments" ("id" uuid NOT NULL, "client_id" uuid NOT NULL, "amount" bigint NOT NULL, "currency" character(3) NOT NULL, "received_on" date NOT NULL, "reference" character varying(500), "external_id" character varying(255), "source_key" character varying(64) NOT NULL DEFAULT 'manual', "invoice_id" uuid, "status" character varying(16) NOT NULL DEFAULT 'applied', "unapplied_amount" bigint NOT NULL, "reversed_on" date, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "payments_amounts_check" CHECK (amount > 0 AND unapplied_amount >= 0 AND unapplied_amount <= amount), CONSTRAINT "payments_status_check" CHECK (status IN ('applied', 'reversed')), CONSTRAINT "PK_197ab7af18c93fbb0c9b28b4a59" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "payments_client_id_idx" ON "invoicing"."payments"  ("client_id", "currency") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "payments_source_external_id_key" ON "invoicing"."payments"  ("source_key", "external_id") WHERE external_id IS NOT NULL`);
    await queryRunner.query(`CREATE TABLE "invoicing"."payment_allocations" ("id" BIGSERIAL NOT NULL, "payment_id" uuid NOT NULL, "invoice_id" uuid NOT NULL, "kind" character varying(16) NOT NULL, "amount" bigint NOT NULL, "effective_on" date NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "payment_allocations_amount_check" CHECK (amount <> 0), CONSTRAINT "payment_allocations_kind_check" CHECK (kind IN ('payment', 'discount')), CONSTRAINT "PK_a5c6ff22065ac772620c85f4efb" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "payment_allocations_payment_idx" ON "invoicing"."payment_allocations"  ("payment_id") `);
    await queryRunner.query(`CREATE INDEX "payment_allocations_invoice_idx" ON "invoicing"."payment_allocations"  ("invoice_id", "effective_on") `);
    await queryRunner.query(`CREATE TABLE "invoicing"."webhook_endpoints" ("id" uuid NOT NULL, "url" character varying(2048) NOT NULL, "events" text array NOT NULL, "secret" character varying(200) NOT NULL, "status" character varying(16) NOT NULL DEFAULT 'active', "disabled_reason" character varying(500), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "webhook_endpoints_status_check" CHECK (status IN ('active', 'disabled')), CONSTRAINT "PK_054c4cfb95223732f5939d2d546" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "invoicing"."webhook_deliveries" ("id" uuid NOT NULL, "endpoint_id" uuid NOT NULL, "event_id" uuid NOT NULL, "event_type" character varying(64) NOT NULL, "payload" jsonb NOT NULL, "status" character varying(16) NOT NULL DEFAULT 'pending', "attempts" integer NOT NULL DEFAULT '0', "last_status_code" integer, "last_error" character varying(1000), "next_attempt_at" TIMESTAMP WITH TIME ZONE, "completed_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "webhook_deliveries_status_check" CHECK (status IN ('pending', 'succeeded', 'exhausted', 'cancelled')), CONSTRAINT "PK_535dd409947fb6d8fc6dfc0112a" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "webhook_deliveries_endpoint_event_key" ON "invoicing"."webhook_deliveries"  ("endpoint_id", "event_id") `);
    await queryRunner.query(`CREATE TABLE "invoicing"."webhook_delivery_attempts" ("id" BIGSERIAL NOT NULL, "delivery_id" uuid NOT NULL, "attempted_at" TIMESTAMP WITH TIME ZONE NOT NULL, "status_code" integer, "error" character varying(1000), "duration_ms" integer NOT NULL, CONSTRAINT "PK_59ef9124585b56c18b98548a0c6" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "webhook_delivery_attempts_delivery_idx" ON "invoicing"."webhook_delivery_attempts"  ("delivery_id") `);
    await queryRunner.query(`ALTER TABLE "invoicing"."credit_notes" ADD CONSTRAINT "credit_notes_invoice_id_fkey" FOREIGN KEY ("invoice_id") REFERENCES "invoicing"."invoices"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "invoicing"."invoice_lines" ADD CONSTRAINT "invoice_lines_invoice_id_fkey" FOREIGN KEY ("invoice_id") REFERENCES "invoicing"."invoices"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "invoicing"."payment_allocations" ADD CONSTRAINT "payment_allocations_payment_id_fkey" FOREIGN KEY ("payment_id") REFERENCES "invoicing"."payments"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "invoicing"."payment_allocations" ADD CONSTRAINT "payment_allocations_invoice_id_fkey" FOREIGN KEY ("invoice_id") REFERENCES "invoicing"."invoices"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "invoicing"."webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_endpoint_id_fkey" FOREIGN KEY ("endpoint_id") REFERENCES "invoicing"."webhook_endpoints"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "invoicing"."webhook_delivery_attempts" ADD CONSTRAINT "webhook_delivery_attempts_delivery_id_fkey" FOREIGN KEY ("delivery_id") REFERENCES "invoicing"."webhook_deliveries"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);

    await queryRunner.query(`CREATE INDEX "invoices_updated_at_idx" ON "invoicing"."invoices" ("updated_at") `);
    await queryRunner.query(`
      CREATE TABLE invoicing.invoice_number_sequences (
        year integer PRIMARY KEY,
        last_value integer NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE invoicing.outbox_events (
        id uuid PRIMARY KEY,
        type varchar(64) NOT NULL,
        aggregate_id uuid NOT NULL,
        data jsonb NOT NULL,
        occurred_at timestamptz NOT NULL,
        published_at timestamptz
      )`);
    await queryRunner.query(
      `CREATE INDEX outbox_events_unpublished_idx ON invoicing.outbox_events (id) WHERE published_at IS NULL`,
    );

    // Published contract of this context: the collections sweep reads receivables here, never the tables.
    await queryRunner.query(`
      CREATE VIEW invoicing.receivables_v1 AS
        SELECT id AS invoice_id, number, client_id, contract_id, currency, issue_date, due_date, total,
               amount_paid, amount_credited, amount_discounted,
               total - amount_paid - amount_credited - amount_discounted AS balance,
               status, disputed, settled_on, updated_at
        FROM invoicing.invoices`);
    await queryRunner.query(`
      CREATE VIEW invoicing.payments_v1 AS
        SELECT id AS payment_id, client_id, amount, currency, received_on, status, reversed_on
        FROM invoicing.payments`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP VIEW invoicing.payments_v1`);
    await queryRunner.query(`DROP VIEW invoicing.receivables_v1`);
    await queryRunner.query(`DROP TABLE invoicing.outbox_events`);
    await queryRunner.query(`DROP TABLE invoicing.invoice_number_sequences`);
    await queryRunner.query(`ALTER TABLE "invoicing"."webhook_delivery_attempts" DROP CONSTRAINT "webhook_delivery_attempts_delivery_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "invoicing"."webhook_deliveries" DROP CONSTRAINT "webhook_deliveries_endpoint_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "invoicing"."payment_allocations" DROP CONSTRAINT "payment_allocations_invoice_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "invoicing"."payment_allocations" DROP CONSTRAINT "payment_allocations_payment_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "invoicing"."invoice_lines" DROP CONSTRAINT "invoice_lines_invoice_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "invoicing"."credit_notes" DROP CONSTRAINT "credit_notes_invoice_id_fkey"`);
    await queryRunner.query(`DROP INDEX "invoicing"."webhook_delivery_attempts_delivery_idx"`);
    await queryRunner.query(`DROP TABLE "invoicing"."webhook_delivery_attempts"`);
    await queryRunner.query(`DROP INDEX "invoicing"."webhook_deliveries_endpoint_event_key"`);
    await queryRunner.query(`DROP TABLE "invoicing"."webhook_deliveries"`);
    await queryRunner.query(`DROP TABLE "invoicing"."webhook_endpoints"`);
    await queryRunner.query(`DROP INDEX "invoicing"."payment_allocations_invoice_idx"`);
    await queryRunner.query(`DROP INDEX "invoicing"."payment_allocations_payment_idx"`);
    await queryRunner.query(`DROP TABLE "invoicing"."payment_allocations"`);
    await queryRunner.query(`DROP INDEX "invoicing"."payments_source_external_id_key"`);
    await queryRunner.query(`DROP INDEX "invoicing"."payments_client_id_idx"`);
    await queryRunner.query(`DROP TABLE "invoicing"."payments"`);
    await queryRunner.query(`DROP TABLE "invoicing"."invoice_lines"`);
    await queryRunner.query(`DROP TABLE "invoicing"."integrations"`);
    await queryRunner.query(`DROP INDEX "invoicing"."inbound_messages_received_at_idx"`);
    await queryRunner.query(`DROP TABLE "invoicing"."inbound_messages"`);
    await queryRunner.query(`DROP INDEX "invoicing"."credit_notes_invoice_id_idx"`);
    await queryRunner.query(`DROP TABLE "invoicing"."credit_notes"`);
    await queryRunner.query(`DROP INDEX "invoicing"."invoices_client_id_number_key"`);
    await queryRunner.query(`DROP INDEX "invoicing"."invoices_client_open_idx"`);
    await queryRunner.query(`DROP INDEX "invoicing"."invoices_due_date_open_idx"`);
    await queryRunner.query(`DROP INDEX "invoicing"."invoices_external_id_key"`);
    await queryRunner.query(`DROP INDEX "invoicing"."invoices_contract_id_idx"`);
    await queryRunner.query(`DROP TABLE "invoicing"."invoices"`);
    await queryRunner.query(`DROP SCHEMA invoicing`);
  }
}
