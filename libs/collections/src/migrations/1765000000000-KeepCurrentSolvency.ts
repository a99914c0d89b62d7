import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Keeps each client's latest assessment in `collections.client_solvency`, so the sweep and the published
 * view stop sorting the whole assessment history (which grows by one row per client and sweep) to find it.
 */
export class KeepCurrentSolvency1765000000000 implements MigrationInterface {
  name = 'KeepCurrentSolvency1765000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "collections"."client_solvency" (
        "client_id" uuid NOT NULL, "assessment_id" uuid NOT NULL, "as_of" date NOT NULL, "score" smallint NOT NULL,
        "risk_class" character(1) NOT NULL, "decision" character varying(8) NOT NULL, "blocked_client" boolean NOT NULL,
        "assessed_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_client_solvency" PRIMARY KEY ("client_id"))`);
    await queryRunner.query(`
      INSERT INTO collections.client_solvency (client_id, assessment_id, as_of, score, risk_class, decision, blocked_client, assessed_at)
      SELECT DISTINCT ON (client_id) client_id, id, as_of, score, risk_class, decision, blocked_client, created_at
      FROM collections.solvency_assessments ORDER BY client_id, created_at DESC, id DESC`);
    // Same columns as before: the published contract does not change, only where it reads from.
    await queryRunner.query(`
      CREATE OR REPLACE VIEW collections.client_solvency_v1 AS
        SELECT client_id, as_of, score, risk_class, decision, assessed_at AS created_at FROM collections.client_solvency`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE OR REPLACE VIEW collections.client_solvency_v1 AS
        SELECT DISTINCT ON (client_id) client_id, as_of, score, risk_class, decision, created_at
        FROM collections.solvency_assessments ORDER BY client_id, created_at DESC, id DESC`);
    await queryRunner.query(`DROP TABLE "collections"."client_solvency"`);
  }
}
