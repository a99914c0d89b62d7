import { MigrationInterface, QueryRunner } from 'typeorm';

/** Letters gain the courtesy kind: the friendly e-mail a policy sends before the due date. */
export class AddCourtesyLetters1765200000008 implements MigrationInterface {
  name = 'AddCourtesyLetters1765200000008';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "invoicing"."letters" DROP CONSTRAINT "letters_kind_check"`);
    await queryRunner.query(`ALTER TABLE "invoicing"."letters" ADD CONSTRAINT "letters_kind_check" CHECK (kind IN ('courtesy', 'reminder', 'final_notice', 'pre_trial_claim', 'statement'))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "invoicing"."letter_templates" WHERE kind = 'courtesy'`);
    await queryRunner.query(`ALTER TABLE "invoicing"."letters" DROP CONSTRAINT "letters_kind_check"`);
    await queryRunner.query(`ALTER TABLE "invoicing"."letters" ADD CONSTRAINT "letters_kind_check" CHECK (kind IN ('reminder', 'final_notice', 'pre_trial_claim', 'statement'))`);
  }
}
