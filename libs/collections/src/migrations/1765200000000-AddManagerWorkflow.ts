import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The manager's working day: the contact history, follow-up tasks and tasks reassigned by hand (pinned, with
 * their audit), dunning holds, and cancelled promises.
 */
export class AddManagerWorkflow1765200000000 implements MigrationInterface {
  name = 'AddManagerWorkflow1765200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "collections"."task_reassignments" ("id" uuid NOT NULL, "task_id" uuid NOT NULL, "from_assignee_id" uuid, "to_assignee_id" uuid NOT NULL, "reason" character varying(2000) NOT NULL, "reassigned_by" uuid NOT NULL, "reassigned_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c9e83dc815cb658b6cca89f3574" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "task_reassignments_task_idx" ON "collections"."task_reassignments" ("task_id")`);
    await queryRunner.query(`CREATE TABLE "collections"."activities" ("id" uuid NOT NULL, "client_id" uuid NOT NULL, "kind" character varying(32) NOT NULL, "outcome" character varying(64), "note" character varying(4000) NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL, "author_id" uuid, "subject_id" uuid, "follow_up_on" date, "follow_up_task_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "activities_kind_check" CHECK (kind IN ('call', 'email', 'letter', 'meeting', 'note', 'task_completed', 'letter_sent', 'promise', 'promise_cancelled', 'dispute', 'dispute_resolved', 'dunning_hold', 'dunning_hold_released', 'task_reassigned')), CONSTRAINT "PK_7f4004429f731ffb9c88eb486a8" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "activities_one_per_subject" ON "collections"."activities" ("kind", "subject_id") WHERE subject_id IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX "activities_client_occurred_idx" ON "collections"."activities" ("client_id", "occurred_at", "id")`);
    await queryRunner.query(`CREATE TABLE "collections"."dunning_holds" ("id" uuid NOT NULL, "client_id" uuid NOT NULL, "invoice_id" uuid, "until" date NOT NULL, "reason" character varying(2000) NOT NULL, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "released_at" TIMESTAMP WITH TIME ZONE, "released_by" uuid, "release_reason" character varying(2000), CONSTRAINT "PK_17636f8110732036a354d4965c6" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "dunning_holds_invoice_idx" ON "collections"."dunning_holds" ("invoice_id")`);
    await queryRunner.query(`CREATE INDEX "dunning_holds_client_idx" ON "collections"."dunning_holds" ("client_id", "until")`);
    await queryRunner.query(`ALTER TABLE "collections"."promises" ADD "cancelled_by" uuid`);
    await queryRunner.query(`ALTER TABLE "collections"."promises" ADD "cancel_reason" character varying(2000)`);
    await queryRunner.query(`ALTER TABLE "collections"."promises" DROP CONSTRAINT "promises_status_check"`);
    await queryRunner.query(`ALTER TABLE "collections"."promises" ADD CONSTRAINT "promises_status_check" CHECK (status IN ('active', 'kept', 'broken', 'cancelled'))`);
    await queryRunner.query(`ALTER TABLE "collections"."tasks" ADD "assignment_pinned" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "collections"."tasks" ADD "created_by" uuid`);
    await queryRunner.query(`ALTER TABLE "collections"."tasks" DROP CONSTRAINT "tasks_type_check"`);
    await queryRunner.query(`ALTER TABLE "collections"."tasks" ADD CONSTRAINT "tasks_type_check" CHECK (type IN ('reminder', 'final_notice', 'legal_handover', 'broken_promise', 'credit_review', 'follow_up'))`);
    // Any number of follow-ups may be open for a client; the system's tasks stay one per client, type and level.
    await queryRunner.query(`DROP INDEX "collections"."tasks_one_open_per_client_type_level"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "tasks_one_open_per_client_type_level" ON "collections"."tasks" ("client_id", "type", "dunning_level") WHERE status IN ('open', 'snoozed') AND type <> 'follow_up'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "collections"."tasks" WHERE type = 'follow_up'`);
    await queryRunner.query(`DROP INDEX "collections"."tasks_one_open_per_client_type_level"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "tasks_one_open_per_client_type_level" ON "collections"."tasks" ("client_id", "type", "dunning_level") WHERE status IN ('open', 'snoozed')`);
    await queryRunner.query(`ALTER TABLE "collections"."tasks" DROP CONSTRAINT "tasks_type_check"`);
    await queryRunner.query(`ALTER TABLE "collections"."tasks" ADD CONSTRAINT "tasks_type_check" CHECK (type IN ('reminder', 'final_notice', 'legal_handover', 'broken_promise', 'credit_review'))`);
    await queryRunner.query(`ALTER TABLE "collections"."tasks" DROP COLUMN "created_by"`);
    await queryRunner.query(`ALTER TABLE "collections"."tasks" DROP COLUMN "assignment_pinned"`);
    await queryRunner.query(`UPDATE "collections"."promises" SET status = 'broken' WHERE status = 'cancelled'`);
    await queryRunner.query(`ALTER TABLE "collections"."promises" DROP CONSTRAINT "promises_status_check"`);
    await queryRunner.query(`ALTER TABLE "collections"."promises" ADD CONSTRAINT "promises_status_check" CHECK (status IN ('active', 'kept', 'broken'))`);
    await queryRunner.query(`ALTER TABLE "collections"."promises" DROP COLUMN "cancel_reason"`);
    await queryRunner.query(`ALTER TABLE "collections"."promises" DROP COLUMN "cancelled_by"`);
    await queryRunner.query(`DROP TABLE "collections"."dunning_holds"`);
    await queryRunner.query(`DROP TABLE "collections"."activities"`);
    await queryRunner.query(`DROP TABLE "collections"."task_reassignments"`);
  }
}
