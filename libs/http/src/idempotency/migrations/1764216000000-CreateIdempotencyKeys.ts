import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateIdempotencyKeys1764216000000 implements MigrationInterface {
  name = 'CreateIdempotencyKeys1764216000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE SCHEMA IF NOT EXISTS platform`);
    await queryRunner.query(`
      CREATE TABLE platform.idempotency_keys (
        scope text NOT NULL,
        key varchar(255) NOT NULL,
        fingerprint char(64) NOT NULL,
        state text NOT NULL CHECK (state IN ('in_flight', 'completed')),
        response_status smallint,
        response_body jsonb,
        locked_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        PRIMARY KEY (scope, key)
      )`);
    await queryRunner.query(`CREATE INDEX idempotency_keys_expires_at ON platform.idempotency_keys (expires_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE platform.idempotency_keys`);
  }
}
