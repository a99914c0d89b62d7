import { MigrationInterface, QueryRunner } from 'typeorm';

/** Each dunning level says what goes to the debtor; the standard policy e-mails levels 1-3 and posts level 4's pre-trial claim. */
export class AddLetterChannelToPolicyLevels1765100000002 implements MigrationInterface {
  name = 'AddLetterChannelToPolicyLevels1765100000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "collections"."dunning_policy_levels" ADD "letter" character varying(8) NOT NULL DEFAULT 'none'`);
    await queryRunner.query(
      `ALTER TABLE "collections"."dunning_policy_levels" ADD CONSTRAINT "dunning_policy_levels_letter_check" CHECK (letter IN ('none', 'email', 'post'))`,
    );
    await queryRunner.query(`
      UPDATE collections.dunning_policy_levels SET letter = CASE WHEN level <= 3 THEN 'email' ELSE 'post' END
      WHERE policy_id = '00000000-0000-4000-8000-000000000001'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "collections"."dunning_policy_levels" DROP CONSTRAINT "dunning_policy_levels_letter_check"`);
    await queryRunner.query(`ALTER TABLE "collections"."dunning_policy_levels" DROP COLUMN "letter"`);
  }
}
