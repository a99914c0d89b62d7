import { MigrationInterface, QueryRunner } from 'typeorm';

/** Instalment plans (their invoices' dunning is held while they are kept), broken_plan tasks and the plans in the history. */
export class AddInstalmentPlans1765200000002 implements MigrationInterface {
  name = 'AddInstalmentPlans1765200000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "collections"."instalment_plans" ("id" uuid NOT NULL, "client_id" uuid NOT NULL, "currency" character(3) NOT NULL, "invoice_ids" uuid array NOT NULL, "total" bigint NOT NULL, "instalments" jsonb NOT NULL, "status" character varying(16) NOT NULL DEFAULT 'active', "agreed_on" date NOT NULL, "resolved_on" date, "status_reason" character varying(2000), "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "instalment_plans_status_check" CHECK (status IN ('active', 'completed', 'broken', 'cancelled')), CONSTRAINT "PK_99c44cf932a6e0a3118dbfd0e3a" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "instalment_plans_client_idx" ON "collections"."instalment_plans" ("client_id", "status")`);
    await queryRunner.query(`ALTER TABLE "collections"."tasks" DROP CONSTRAINT "tasks_type_check"`);
    await queryRunner.query(`ALTER TABLE "collections"."tasks" ADD CONSTRAINT "tasks_type_check" CHECK (type IN ('reminder', 'final_notice', 'legal_handover', 'broken_promise', 'credit_review', 'follow_up', 'broken_plan'))`);
    await queryRunner.query(`ALTER TABLE "collections"."activities" DROP CONSTRAINT "activities_kind_check"`);
    await queryRunner.query(`ALTER TABLE "collections"."activities" ADD CONSTRAINT "activities_kind_check" CHECK (kind IN ('call', 'email', 'letter', 'meeting', 'note', 'task_completed', 'letter_sent', 'promise', 'promise_cancelled', 'dispute', 'dispute_resolved', 'dunning_hold', 'dunning_hold_released', 'task_reassigned', 'instalment_plan', 'instalment_plan_ended'))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "collections"."activities" WHERE kind IN ('instalment_plan', 'instalment_plan_ended')`);
    await queryRunner.query(`ALTER TABLE "collections"."activities" DROP CONSTRAINT "activities_kind_check"`);
    await queryRunner.query(`ALTER TABLE "collections"."activities" ADD CONSTRAINT "activities_kind_check" CHECK (kind IN ('call', 'email', 'letter', 'meeting', 'note', 'task_completed', 'letter_sent', 'promise', 'promise_cancelled', 'dispute', 'dispute_resolved', 'dunning_hold', 'dunning_hold_released', 'task_reassigned'))`);
    await queryRunner.query(`DELETE FROM "collections"."tasks" WHERE type = 'broken_plan'`);
    await queryRunner.query(`ALTER TABLE "collections"."tasks" DROP CONSTRAINT "tasks_type_check"`);
    await queryRunner.query(`ALTER TABLE "collections"."tasks" ADD CONSTRAINT "tasks_type_check" CHECK (type IN ('reminder', 'final_notice', 'legal_handover', 'broken_promise', 'credit_review', 'follow_up'))`);
    await queryRunner.query(`DROP TABLE "collections"."instalment_plans"`);
  }
}
