import { MigrationInterface, QueryRunner } from 'typeorm';

/** A client's externalId is unique per account manager, so a duplicate never reveals another manager's client. */
export class ScopeClientExternalIds1764500000000 implements MigrationInterface {
  name = 'ScopeClientExternalIds1764500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "contracts"."clients_external_id_key"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "clients_manager_external_id_key" ON "contracts"."clients" ("account_manager_id", "external_id") WHERE external_id IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "contracts"."clients_manager_external_id_key"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "clients_external_id_key" ON "contracts"."clients" ("external_id") WHERE external_id IS NOT NULL`);
  }
}
