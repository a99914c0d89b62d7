import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each dunning level says what goes to the debtor and how many days its letter gives to pay; the standard policy
 * e-mails levels 1-3 and posts level 4's pre-trial claim, 14 days each (a Russian pre-trial claim always gives 30).
 */
export class AddLetterChannelToPolicyLevels1765100000002 implements MigrationInterface {
  name = 'AddLetterChannelToPolicyLevels1765100000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "collections"."dunning_policy_levels" ADD "letter" character varying(8) NOT NULL DEFAULT 'none'`);
    await queryRunner.query(`ALTER TABLE "collections"."dunning_policy_levels" ADD "pay_within_days" smallint NOT NULL DEFAULT '14'`);
    await queryRunner.query(
      `ALTER TABLE "collections"."dunning_policy_levels" ADD CONSTRAINT "dunning_policy_levels_pay_within_days_check" CHECK (pay_within_days BETWEEN 1 AND 90)`,
    );
    await queryRunner.query(
      `ALTER TABLE "collections"."dunning_policy_levels" ADD CONSTRAINT "dunning_policy_levels_letter_check" CHECK (letter IN ('none', 'email', 'post'))`,
    );
    await queryRunner.query(`
      UPDATE collections.dunning_policy_levels SET letter = CASE WHEN level <= 3 THEN 'email' ELSE 'post' END
      WHERE policy_id = '00000000-0000-4000-8000-000000000001'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "collections"."dunning_policy_levels" DROP CONSTRAINT "dunning_policy_levels_letter_check"`);
    await queryRunner.query(`ALTER TABLE "collections"."dunning_policy_levels" DROP CONSTRAINT "dunning_policy_levels_pay_within_days_check"`);
    await queryRunner.query(`ALTER TABLE "collections"."dunning_policy_levels" DROP COLUMN "pay_within_days"`);
    await queryRunner.query(`ALTER TABLE "collections"."dunning_policy_levels" DROP COLUMN "letter"`);
  }
}
