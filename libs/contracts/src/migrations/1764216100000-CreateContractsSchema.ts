import { MigrationInterface, QueryRunner } from 'typeorm';

/** Users, clients and contracts; the contracts outbox; the read-only views other contexts may use. */
export class CreateContractsSchema1764216100000 implements MigrationInterface {
  name = 'CreateContractsSchema1764216100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE SCHEMA IF NOT EXISTS contracts`);
    await queryRunner.query(`CREATE TABLE "contracts"."users" ("id" uuid NOT NULL, "name" character varying(200) NOT NULL, "email" character varying(320) NOT NULL, "role" character varying(32) NOT NULL, "deputy_id" uuid, "absent_until" date, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "users_not_own_deputy" CHECK (deputy_id IS NULL OR deputy_id <> id), CONSTRAINT "users_role_check" CHECK (role IN ('admin', 'finance', 'head_of_sales', 'account_manager')), CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "users_email_key" ON "contracts"."users"  ("email") `);
    await queryRunner.query(`CREATE INDEX "users_deputy_id_idx" ON "contracts"."users"  ("deputy_id") `);
    await queryRunner.query(`CREATE TABLE "contracts"."clients" ("id" uuid NOT NULL, "name" character varying(200) NOT NULL, "country" character(2) NOT NULL, "type" character varying(16) NOT NULL DEFAULT 'business', "tax_id" character varying(64), "segment" character varying(64), "language" character varying(16), "account_manager_id" uuid, "credit_limit_amount" bigint, "credit_limit_currency" character(3), "status" character varying(16) NOT NULL DEFAULT 'active', "status_source" character varying(16), "risk_class" character(1), "external_id" character varying(255), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "clients_credit_limit_check" CHECK ((credit_limit_amount IS NULL AND credit_limit_currency IS NULL) OR (credit_limit_amount >= 0 AND credit_limit_currency IS NOT NULL)), CONSTRAINT "clients_risk_class_check" CHECK (risk_class IS NULL OR risk_class IN ('A', 'B', 'C', 'D')), CONSTRAINT "clients_status_check" CHECK (status IN ('active', 'on_hold', 'blocked')), CONSTRAINT "clients_type_check" CHECK (type IN ('business', 'consumer')), CONSTRAINT "PK_f1ab7cf3a5714dbc6bb4e1c28a4" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "clients_account_manager_id_idx" ON "contracts"."clients"  ("account_manager_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "clients_external_id_key" ON "contracts"."clients"  ("external_id") WHERE external_id IS NOT NULL`);
    await queryRunner.query(`CREATE TABLE "contracts"."contracts" ("id" uuid NOT NULL, "client_id" uuid NOT NULL, "number" character varying(64) NOT NULL, "currency" character(3) NOT NULL, "payment_term_days" integer NOT NULL, "starts_on" date NOT NULL, "ends_on" date, "auto_renew" boolean NOT NULL DEFAULT false, "dunning_policy_id" uuid, "late_interest_rule" character varying(16) NOT NULL DEFAULT 'none', "late_interest_rate_percent" numeric(7,4), "cash_discount_percent" numeric(5,2), "cash_discount_days" integer, "status" character varying(16) NOT NULL DEFAULT 'draft', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "contracts_cash_discount_check" CHECK ((cash_discount_percent IS NULL AND cash_discount_days IS NULL) OR (cash_discount_percent > 0 AND cash_discount_percent < 100 AND cash_discount_days BETWEEN 0 AND 365)), CONSTRAINT "contracts_late_interest_rule_check" CHECK (late_interest_rule IN ('none', 'de_b2b', 'de_b2c', 'eu_b2b', 'ru_395', 'fixed')), CONSTRAINT "contracts_period_check" CHECK (ends_on IS NULL OR ends_on >= starts_on), CONSTRAINT "contracts_payment_term_days_check" CHECK (payment_term_days BETWEEN 0 AND 365), CONSTRAINT "contracts_status_check" CHECK (status IN ('draft', 'active', 'suspended', 'terminated')), CONSTRAINT "PK_2c7b8f3a7b1acdd49497d83d0fb" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "contracts_client_id_number_key" ON "contracts"."contracts"  ("client_id", "number") `);
    await queryRunner.query(`ALTER TABLE "contracts"."users" ADD CONSTRAINT "users_deputy_id_fkey" FOREIGN KEY ("deputy_id") REFERENCES "contracts"."users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "contracts"."clients" ADD CONSTRAINT "clients_account_manager_id_fkey" FOREIGN KEY ("account_manager_id") REFERENCES "contracts"."users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "contracts"."contracts" ADD CONSTRAINT "contracts_client_id_fkey" FOREIGN KEY ("client_id") REFERENCES "contracts"."clients"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);

    await queryRunner.query(`
      CREATE TABLE contracts.outbox_events (
        id uuid PRIMARY KEY,
        type varchar(64) NOT NULL,
        aggregate_id uuid NOT NULL,
        data jsonb NOT NULL,
        occurred_at timestamptz NOT NULL,
        published_at timestamptz
      )`);
    await queryRunner.query(
      `CREATE INDEX outbox_events_unpublished_idx ON contracts.outbox_events (id) WHERE published_at IS NULL`,
    );

    // Published contracts of this context (DESIGN.md principle 1): other contexts read these, never the tables.
    await queryRunner.query(`
      CREATE VIEW contracts.user_directory_v1 AS
        SELECT id, name, email, role, deputy_id, absent_until FROM contracts.users`);
    await queryRunner.query(`
      CREATE VIEW contracts.client_directory_v1 AS
        SELECT id, name, country, type, account_manager_id, credit_limit_amount, credit_limit_currency,
               status, status_source, risk_class, external_id, created_at
        FROM contracts.clients`);
    await queryRunner.query(`
      CREATE VIEW contracts.contract_terms_v1 AS
        SELECT id, client_id, number, currency, payment_term_days, starts_on, ends_on, status,
               dunning_policy_id, late_interest_rule, late_interest_rate_percent,
               cash_discount_percent, cash_discount_days
        FROM contracts.contracts`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP VIEW contracts.contract_terms_v1`);
    await queryRunner.query(`DROP VIEW contracts.client_directory_v1`);
    await queryRunner.query(`DROP VIEW contracts.user_directory_v1`);
    await queryRunner.query(`DROP TABLE contracts.outbox_events`);
    await queryRunner.query(`ALTER TABLE "contracts"."contracts" DROP CONSTRAINT "contracts_client_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "contracts"."clients" DROP CONSTRAINT "clients_account_manager_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "contracts"."users" DROP CONSTRAINT "users_deputy_id_fkey"`);
    await queryRunner.query(`DROP INDEX "contracts"."contracts_client_id_number_key"`);
    await queryRunner.query(`DROP TABLE "contracts"."contracts"`);
    await queryRunner.query(`DROP INDEX "contracts"."clients_external_id_key"`);
    await queryRunner.query(`DROP INDEX "contracts"."clients_account_manager_id_idx"`);
    await queryRunner.query(`DROP TABLE "contracts"."clients"`);
    await queryRunner.query(`DROP INDEX "contracts"."users_deputy_id_idx"`);
    await queryRunner.query(`DROP INDEX "contracts"."users_email_key"`);
    await queryRunner.query(`DROP TABLE "contracts"."users"`);
    await queryRunner.query(`DROP SCHEMA contracts`);
  }
}
