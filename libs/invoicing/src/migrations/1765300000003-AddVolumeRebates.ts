import { MigrationInterface, QueryRunner } from 'typeorm';

/** Year-end volume rebates: one per contract and closed period. */
export class AddVolumeRebates1765300000003 implements MigrationInterface {
  name = 'AddVolumeRebates1765300000003';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "invoicing"."volume_rebates" ("id" uuid NOT NULL, "contract_id" uuid NOT NULL, "client_id" uuid NOT NULL, "currency" character(3) NOT NULL, "period_from" date NOT NULL, "period_to" date NOT NULL, "volume" bigint NOT NULL, "rebate_net" bigint NOT NULL, "rebate" bigint NOT NULL, "credited" bigint NOT NULL, "remaining" bigint NOT NULL, "credit_note_ids" uuid array NOT NULL, "settled_on" date NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_volume_rebates" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "volume_rebates_once_per_period" ON "invoicing"."volume_rebates" ("contract_id", "period_from")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "invoicing"."volume_rebates"`);
  }
}
