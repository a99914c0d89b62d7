import { MigrationInterface, QueryRunner } from 'typeorm';

/** A dunning policy may set, per currency, the overdue amount of a client below which nothing is dunned. */
export class AddPolicyMinimumAmounts1765200000006 implements MigrationInterface {
  name = 'AddPolicyMinimumAmounts1765200000006';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "collections"."dunning_policies" ADD "minimum_amounts" jsonb NOT NULL DEFAULT '[]'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "collections"."dunning_policies" DROP COLUMN "minimum_amounts"`);
  }
}
