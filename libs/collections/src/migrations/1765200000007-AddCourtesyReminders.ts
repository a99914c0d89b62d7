import { MigrationInterface, QueryRunner } from 'typeorm';

/** Courtesy reminders before the due date: a policy's lead time (none by default) and which invoices were reminded. */
export class AddCourtesyReminders1765200000007 implements MigrationInterface {
  name = 'AddCourtesyReminders1765200000007';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "collections"."courtesy_reminders" ("invoice_id" uuid NOT NULL, "client_id" uuid NOT NULL, "reminded_on" date NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_34df7f514b143d9754bea8ef876" PRIMARY KEY ("invoice_id"))`);
    await queryRunner.query(`ALTER TABLE "collections"."dunning_policies" ADD "courtesy_days_before_due" smallint`);
    await queryRunner.query(`ALTER TABLE "collections"."dunning_policies" ADD CONSTRAINT "dunning_policies_courtesy_days_check" CHECK (courtesy_days_before_due BETWEEN 1 AND 30)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "collections"."dunning_policies" DROP CONSTRAINT "dunning_policies_courtesy_days_check"`);
    await queryRunner.query(`ALTER TABLE "collections"."dunning_policies" DROP COLUMN "courtesy_days_before_due"`);
    await queryRunner.query(`DROP TABLE "collections"."courtesy_reminders"`);
  }
}
