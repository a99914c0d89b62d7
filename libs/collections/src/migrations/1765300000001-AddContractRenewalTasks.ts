import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * contract_renewal tasks: one per contract and end date (from contract.renewal_due), several per client allowed
 * (a client may have several contracts ending), so they stay out of the one-open-task-per-level index.
 */
export class AddContractRenewalTasks1765300000001 implements MigrationInterface {
  name = 'AddContractRenewalTasks1765300000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "collections"."tasks" ADD "contract_id" uuid`);
    await queryRunner.query(`ALTER TABLE "collections"."tasks" ADD "contract_ends_on" date`);
    await queryRunner.query(`ALTER TABLE "collections"."tasks" DROP CONSTRAINT "tasks_type_check"`);
    await queryRunner.query(
      `ALTER TABLE "collections"."tasks" ADD CONSTRAINT "tasks_type_check" CHECK (type IN ('reminder', 'final_notice', 'legal_handover', 'broken_promise', 'credit_review', 'follow_up', 'broken_plan', 'contract_renewal'))`,
    );
    await queryRunner.query(`DROP INDEX "collections"."tasks_one_open_per_client_type_level"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "tasks_one_open_per_client_type_level" ON "collections"."tasks" ("client_id", "type", "dunning_level") WHERE status IN ('open', 'snoozed') AND type NOT IN ('follow_up', 'contract_renewal')`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "tasks_one_renewal_per_contract_end" ON "collections"."tasks" ("contract_id", "contract_ends_on") WHERE type = 'contract_renewal'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "collections"."tasks" WHERE type = 'contract_renewal'`);
    await queryRunner.query(`DROP INDEX "collections"."tasks_one_renewal_per_contract_end"`);
    await queryRunner.query(`DROP INDEX "collections"."tasks_one_open_per_client_type_level"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "tasks_one_open_per_client_type_level" ON "collections"."tasks" ("client_id", "type", "dunning_level") WHERE status IN ('open', 'snoozed') AND type <> 'follow_up'`,
    );
    await queryRunner.query(`ALTER TABLE "collections"."tasks" DROP CONSTRAINT "tasks_type_check"`);
    await queryRunner.query(
      `ALTER TABLE "collections"."tasks" ADD CONSTRAINT "tasks_type_check" CHECK (type IN ('reminder', 'final_notice', 'legal_handover', 'broken_promise', 'credit_review', 'follow_up', 'broken_plan'))`,
    );
    await queryRunner.query(`ALTER TABLE "collections"."tasks" DROP COLUMN "contract_ends_on"`);
    await queryRunner.query(`ALTER TABLE "collections"."tasks" DROP COLUMN "contract_id"`);
  }
}
