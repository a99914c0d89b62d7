import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Lets one statement that writes what an earlier read decided abort itself when a row changed in
 * between: it raises serialization_failure (40001), so the whole statement rolls back and the caller
 * may decide again under row locks.
 */
export class CreateExpectRowCount1764400000000 implements MigrationInterface {
  name = 'CreateExpectRowCount1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION invoicing.expect_row_count(what text, actual bigint, expected bigint) RETURNS boolean
      LANGUAGE plpgsql AS $$
      BEGIN
        IF actual IS DISTINCT FROM expected THEN
          RAISE EXCEPTION '% changed since they were read: % of % rows matched', what, actual, expected
            USING ERRCODE = 'serialization_failure';
        END IF;
        RETURN true;
      END $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION invoicing.expect_row_count(text, bigint, bigint)`);
  }
}
