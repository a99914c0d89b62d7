import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Dunning policies (with `standard`), dunning state, reference rates (with their published history
 * since 2020), sweeps, tasks, promises and solvency assessments; the outbox and published views.
 */
export class CreateCollectionsSchema1764216300000 implements MigrationInterface {
  name = 'CreateCollectionsSchema1764216300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE SCHEMA IF NOT EXISTS collections`);
    await queryRunner.query(`CREATE TABLE "collections"."invoice_dunning" ("invoice_id" uuid NOT NULL, "client_id" uuid NOT NULL, "level" smallint NOT NULL DEFAULT '0', "interest_amount" bigint NOT NULL DEFAULT '0', "fee_amount" bigint NOT NULL DEFAULT '0', "first_overdue_on" date NOT NULL, "level_changed_on" date, "as_of" date NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_8b2d0574a83e2435c13ee3ec517" PRIMARY KEY ("invoice_id"))`);
    await queryRunner.query(`CREATE INDEX "invoice_dunning_client_idx" ON "collections"."invoice_dunning"  ("client_id") `);
    await queryRunner.query(`CREATE TABLE "collections"."reference_rates" ("series" character varying(16) NOT NULL, "valid_from" date NOT NULL, "percent" numeric(7,4) NOT NULL, CONSTRAINT "reference_rates_series_check" CHECK (series IN ('de_base', 'ecb_mro', 'ru_key')), CONSTRAINT "PK_f0ab62411c1b9718e538cb72934" PRIMARY KEY ("series", "valid_from"))`);
    await queryRunner.query(`CREATE TABLE "collections"."dunning_policies" ("id" uuid NOT NULL, "name" character varying(100) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_d0bd2823e0f31b762b77f5409fa" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "dunning_policies_name_key" ON "collections"."dunning_policies"  ("name") `);
    await queryRunner.query(`CREATE TABLE "collections"."dunning_policy_levels" ("policy_id" uuid NOT NULL, "level" smallint NOT NULL, "min_days_overdue" integer NOT NULL, "action" character varying(32) NOT NULL, "fee_amount" bigint NOT NULL DEFAULT '0', "block_client" boolean NOT NULL DEFAULT false, CONSTRAINT "dunning_policy_levels_action_check" CHECK (action IN ('reminder', 'final_notice', 'legal_handover')), CONSTRAINT "dunning_policy_levels_days_check" CHECK (min_days_overdue >= 1), CONSTRAINT "dunning_policy_levels_level_check" CHECK (level BETWEEN 1 AND 10), CONSTRAINT "PK_ad202248044fd365fcbb923ee45" PRIMARY KEY ("policy_id", "level"))`);
    await queryRunner.query(`CREATE TABLE "collections"."promises" ("id" uuid NOT NULL, "client_id" uuid NOT NULL, "task_id" uuid, "promised_on" date NOT NULL, "promised_date" date NOT NULL, "promised_amount" bigint NOT NULL, "currency" character(3) NOT NULL, "status" character varying(16) NOT NULL DEFAULT 'active', "resolved_on" date, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "promises_status_check" CHECK (status IN ('active', 'kept', 'broken')), CONSTRAINT "PK_686b3bd31f90d319fe0c0eee8cd" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "promises_client_status_idx" ON "collections"."promises"  ("client_id", "status") `);
    await queryRunner.query(`CREATE TABLE "collections"."solvency_assessments" ("id" uuid NOT NULL, "client_id" uuid NOT NULL, "as_of" date NOT NULL, "score" smallint NOT NULL, "risk_class" character(1) NOT NULL, "exposure" bigint NOT NULL, "credit_limit" bigint, "currency" character(3), "utilization" numeric(9,4), "overdue_amount" bigint NOT NULL, "avg_days_late" numeric(9,2) NOT NULL, "max_days_overdue" integer NOT NULL, "broken_promises_90d" integer NOT NULL, "open_disputes" integer NOT NULL, "decision" character varying(8) NOT NULL, "reasons" jsonb NOT NULL, "blocked_client" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "solvency_assessments_decision_check" CHECK (decision IN ('ok', 'watch', 'hold', 'block')), CONSTRAINT "PK_286b821a66866412991e6fa3890" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "solvency_assessments_client_latest_idx" ON "collections"."solvency_assessments"  ("client_id", "created_at") `);
    await queryRunner.query(`CREATE TABLE "collections"."sweeps" ("id" uuid NOT NULL, "as_of" date NOT NULL, "status" character varying(16) NOT NULL DEFAULT 'queued', "started_at" TIMESTAMP WITH TIME ZONE, "finished_at" TIMESTAMP WITH TIME ZONE, "stats" jsonb NOT NULL, "error" character varying(1000), "checkpoint" jsonb, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "sweeps_status_check" CHECK (status IN ('queued', 'running', 'completed', 'failed')), CONSTRAINT "PK_07c638010e068c3d9759020a31a" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "sweeps_as_of_key" ON "collections"."sweeps"  ("as_of") `);
    await queryRunner.query(`CREATE TABLE "collections"."tasks" ("id" uuid NOT NULL, "client_id" uuid NOT NULL, "assignee_id" uuid, "type" character varying(32) NOT NULL, "dunning_level" smallint NOT NULL DEFAULT '0', "invoice_ids" uuid array NOT NULL DEFAULT '{}', "amount_overdue" bigint NOT NULL DEFAULT '0', "currency" character(3), "priority" integer NOT NULL DEFAULT '0', "due_on" date NOT NULL, "status" character varying(16) NOT NULL DEFAULT 'open', "outcome" character varying(32), "note" character varying(2000), "snoozed_until" date, "completed_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "tasks_status_check" CHECK (status IN ('open', 'done', 'snoozed', 'cancelled')), CONSTRAINT "tasks_type_check" CHECK (type IN ('reminder', 'final_notice', 'legal_handover', 'broken_promise', 'credit_review')), CONSTRAINT "PK_8d12ff38fcc62aaba2cab748772" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "tasks_assignee_priority_idx" ON "collections"."tasks"  ("assignee_id", "status", "priority") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "tasks_one_open_per_client_type_level" ON "collections"."tasks"  ("client_id", "type", "dunning_level") WHERE status IN ('open', 'snoozed')`);
    await queryRunner.query(`ALTER TABLE "collections"."dunning_policy_levels" ADD CONSTRAINT "dunning_policy_levels_policy_id_fkey" FOREIGN KEY ("policy_id") REFERENCES "collections"."dunning_policies"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);

    await queryRunner.query(`
      CREATE TABLE collections.outbox_events (
        id uuid PRIMARY KEY,
        type varchar(64) NOT NULL,
        aggregate_id uuid NOT NULL,
        data jsonb NOT NULL,
        occurred_at timestamptz NOT NULL,
        published_at timestamptz
      )`);
    await queryRunner.query(
      `CREATE INDEX outbox_events_unpublished_idx ON collections.outbox_events (id) WHERE published_at IS NULL`,
    );

    await queryRunner.query(`INSERT INTO collections.dunning_policies (id, name) VALUES ('00000000-0000-4000-8000-000000000001', 'standard')`);
    await queryRunner.query(`
      INSERT INTO collections.dunning_policy_levels (policy_id, level, min_days_overdue, action, fee_amount, block_client) VALUES
      ('00000000-0000-4000-8000-000000000001', 1, 3, 'reminder', 0, false),
      ('00000000-0000-4000-8000-000000000001', 2, 14, 'reminder', 0, false),
      ('00000000-0000-4000-8000-000000000001', 3, 30, 'final_notice', 0, false),
      ('00000000-0000-4000-8000-000000000001', 4, 60, 'legal_handover', 0, true)`);

    // Published history: Deutsche Bundesbank base rate (§ 247 BGB), ECB main refinancing operations,
    // Bank of Russia key rate. Admins add later changes with PUT /v1/reference-rates/:series.
    await queryRunner.query(`
      INSERT INTO collections.reference_rates (series, valid_from, percent) VALUES
      ('de_base', '2020-01-01', -0.88),
      ('de_base', '2023-01-01', 1.62),
      ('de_base', '2023-07-01', 3.12),
      ('de_base', '2024-01-01', 3.62),
      ('de_base', '2024-07-01', 3.37),
      ('de_base', '2025-01-01', 2.27),
      ('de_base', '2025-07-01', 1.27),
      ('ecb_mro', '2020-01-01', 0.00),
      ('ecb_mro', '2022-07-27', 0.50),
      ('ecb_mro', '2022-09-14', 1.25),
      ('ecb_mro', '2022-11-02', 2.00),
      ('ecb_mro', '2022-12-21', 2.50),
      ('ecb_mro', '2023-02-08', 3.00),
      ('ecb_mro', '2023-03-22', 3.50),
      ('ecb_mro', '2023-05-10', 3.75),
      ('ecb_mro', '2023-06-21', 4.00),
      ('ecb_mro', '2023-08-02', 4.25),
      ('ecb_mro', '2023-09-20', 4.50),
      ('ecb_mro', '2024-06-12', 4.25),
      ('ecb_mro', '2024-09-18', 3.65),
      ('ecb_mro', '2024-10-23', 3.40),
      ('ecb_mro', '2024-12-18', 3.15),
      ('ecb_mro', '2025-02-05', 2.90),
      ('ecb_mro', '2025-03-12', 2.65),
      ('ecb_mro', '2025-04-23', 2.40),
      ('ecb_mro', '2025-06-11', 2.15),
      ('ru_key', '2020-01-01', 6.25),
      ('ru_key', '2020-02-10', 6.00),
      ('ru_key', '2020-04-27', 5.50),
      ('ru_key', '2020-06-22', 4.50),
      ('ru_key', '2020-07-27', 4.25),
      ('ru_key', '2021-03-22', 4.50),
      ('ru_key', '2021-04-26', 5.00),
      ('ru_key', '2021-06-15', 5.50),
      ('ru_key', '2021-07-26', 6.50),
      ('ru_key', '2021-09-13', 6.75),
      ('ru_key', '2021-10-25', 7.50),
      ('ru_key', '2021-12-20', 8.50),
      ('ru_key', '2022-02-14', 9.50),
      ('ru_key', '2022-02-28', 20.00),
      ('ru_key', '2022-04-11', 17.00),
      ('ru_key', '2022-05-04', 14.00),
      ('ru_key', '2022-05-27', 11.00),
      ('ru_key', '2022-06-14', 9.50),
      ('ru_key', '2022-07-25', 8.00),
      ('ru_key', '2022-09-19', 7.50),
      ('ru_key', '2023-07-24', 8.50),
      ('ru_key', '2023-08-15', 12.00),
      ('ru_key', '2023-09-18', 13.00),
      ('ru_key', '2023-10-30', 15.00),
      ('ru_key', '2023-12-18', 16.00),
      ('ru_key', '2024-07-29', 18.00),
      ('ru_key', '2024-10-28', 21.00),
      ('ru_key', '2025-06-09', 20.00),
      ('ru_key', '2025-07-28', 18.00),
      ('ru_key', '2025-09-15', 17.00),
      ('ru_key', '2025-10-27', 16.50)`);

    // Published contracts of this context, read by invoicing.
    await queryRunner.query(`
      CREATE VIEW collections.invoice_dunning_v1 AS
        SELECT invoice_id, client_id, level, interest_amount, fee_amount, as_of FROM collections.invoice_dunning`);
    await queryRunner.query(`CREATE VIEW collections.dunning_policies_v1 AS SELECT id, name FROM collections.dunning_policies`);
    await queryRunner.query(`
      CREATE VIEW collections.client_solvency_v1 AS
        SELECT DISTINCT ON (client_id) client_id, as_of, score, risk_class, decision, created_at
        FROM collections.solvency_assessments ORDER BY client_id, created_at DESC, id DESC`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP VIEW collections.client_solvency_v1`);
    await queryRunner.query(`DROP VIEW collections.dunning_policies_v1`);
    await queryRunner.query(`DROP VIEW collections.invoice_dunning_v1`);
    await queryRunner.query(`DROP TABLE collections.outbox_events`);
    await queryRunner.query(`ALTER TABLE "collections"."dunning_policy_levels" DROP CONSTRAINT "dunning_policy_levels_policy_id_fkey"`);
    await queryRunner.query(`DROP INDEX "collections"."tasks_one_open_per_client_type_level"`);
    await queryRunner.query(`DROP INDEX "collections"."tasks_assignee_priority_idx"`);
    await queryRunner.query(`DROP TABLE "collections"."tasks"`);
    await queryRunner.query(`DROP INDEX "collections"."sweeps_as_of_key"`);
    await queryRunner.query(`DROP TABLE "collections"."sweeps"`);
    await queryRunner.query(`DROP INDEX "collections"."solvency_assessments_client_latest_idx"`);
    await queryRunner.query(`DROP TABLE "collections"."solvency_assessments"`);
    await queryRunner.query(`DROP INDEX "collections"."promises_client_status_idx"`);
    await queryRunner.query(`DROP TABLE "collections"."promises"`);
    await queryRunner.query(`DROP TABLE "collections"."dunning_policy_levels"`);
    await queryRunner.query(`DROP INDEX "collections"."dunning_policies_name_key"`);
    await queryRunner.query(`DROP TABLE "collections"."dunning_policies"`);
    await queryRunner.query(`DROP TABLE "collections"."reference_rates"`);
    await queryRunner.query(`DROP INDEX "collections"."invoice_dunning_client_idx"`);
    await queryRunner.query(`DROP TABLE "collections"."invoice_dunning"`);
    await queryRunner.query(`DROP SCHEMA collections`);
  }
}
