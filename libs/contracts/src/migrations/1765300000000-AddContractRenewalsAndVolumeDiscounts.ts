import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Contracts that renew or expire by themselves (renewal term, notice days, status expired, the renewals and the
 * notices given), and volume discount terms; the published terms view gains what the other contexts read of them.
 */
export class AddContractRenewalsAndVolumeDiscounts1765300000000 implements MigrationInterface {
  name = 'AddContractRenewalsAndVolumeDiscounts1765300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "contracts"."contracts" ADD "renewal_term_months" integer NOT NULL DEFAULT 12`);
    await queryRunner.query(`ALTER TABLE "contracts"."contracts" ADD "renewal_notice_days" integer NOT NULL DEFAULT 60`);
    await queryRunner.query(`ALTER TABLE "contracts"."contracts" ADD "volume_discount" jsonb`);
    await queryRunner.query(`ALTER TABLE "contracts"."contracts" ADD CONSTRAINT "contracts_renewal_term_months_check" CHECK (renewal_term_months BETWEEN 1 AND 120)`);
    await queryRunner.query(`ALTER TABLE "contracts"."contracts" ADD CONSTRAINT "contracts_renewal_notice_days_check" CHECK (renewal_notice_days BETWEEN 0 AND 365)`);
    await queryRunner.query(`ALTER TABLE "contracts"."contracts" DROP CONSTRAINT "contracts_status_check"`);
    await queryRunner.query(`ALTER TABLE "contracts"."contracts" ADD CONSTRAINT "contracts_status_check" CHECK (status IN ('draft', 'active', 'suspended', 'terminated', 'expired'))`);
    // The daily run finds contracts by their end date.
    await queryRunner.query(`CREATE INDEX "contracts_ends_on_idx" ON "contracts"."contracts" ("ends_on") WHERE status IN ('active', 'suspended') AND ends_on IS NOT NULL`);
    await queryRunner.query(
      `CREATE TABLE "contracts"."contract_renewals" ("id" uuid NOT NULL, "contract_id" uuid NOT NULL, "previous_ends_on" date NOT NULL, "ends_on" date NOT NULL, "automatic" boolean NOT NULL, "renewed_by" uuid, "renewed_on" date NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "contract_renewals_contract_id_fkey" FOREIGN KEY ("contract_id") REFERENCES "contracts"."contracts"("id") ON DELETE RESTRICT, CONSTRAINT "PK_contract_renewals" PRIMARY KEY ("id"))`,
    );
    // One renewal from each end date, however often the daily run or a worker repeats it.
    await queryRunner.query(`CREATE UNIQUE INDEX "contract_renewals_once_per_end" ON "contracts"."contract_renewals" ("contract_id", "previous_ends_on")`);
    await queryRunner.query(
      `CREATE TABLE "contracts"."contract_renewal_notices" ("contract_id" uuid NOT NULL, "ends_on" date NOT NULL, "noticed_on" date NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "contract_renewal_notices_contract_id_fkey" FOREIGN KEY ("contract_id") REFERENCES "contracts"."contracts"("id") ON DELETE RESTRICT, CONSTRAINT "PK_contract_renewal_notices" PRIMARY KEY ("contract_id", "ends_on"))`,
    );
    await queryRunner.query(`
      CREATE OR REPLACE VIEW contracts.contract_terms_v1 AS
        SELECT id, client_id, number, currency, payment_term_days, starts_on, ends_on, status,
               dunning_policy_id, late_interest_rule, late_interest_rate_percent,
               cash_discount_percent, cash_discount_days, auto_renew, renewal_term_months, volume_discount
        FROM contracts.contracts`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP VIEW contracts.contract_terms_v1`);
    await queryRunner.query(`
      CREATE VIEW contracts.contract_terms_v1 AS
        SELECT id, client_id, number, currency, payment_term_days, starts_on, ends_on, status,
               dunning_policy_id, late_interest_rule, late_interest_rate_percent,
               cash_discount_percent, cash_discount_days
        FROM contracts.contracts`);
    await queryRunner.query(`DROP TABLE "contracts"."contract_renewal_notices"`);
    await queryRunner.query(`DROP TABLE "contracts"."contract_renewals"`);
    await queryRunner.query(`DROP INDEX "contracts"."contracts_ends_on_idx"`);
    await queryRunner.query(`UPDATE "contracts"."contracts" SET status = 'terminated' WHERE status = 'expired'`);
    await queryRunner.query(`ALTER TABLE "contracts"."contracts" DROP CONSTRAINT "contracts_status_check"`);
    await queryRunner.query(`ALTER TABLE "contracts"."contracts" ADD CONSTRAINT "contracts_status_check" CHECK (status IN ('draft', 'active', 'suspended', 'terminated'))`);
    await queryRunner.query(`ALTER TABLE "contracts"."contracts" DROP CONSTRAINT "contracts_renewal_notice_days_check"`);
    await queryRunner.query(`ALTER TABLE "contracts"."contracts" DROP CONSTRAINT "contracts_renewal_term_months_check"`);
    await queryRunner.query(`ALTER TABLE "contracts"."contracts" DROP COLUMN "volume_discount"`);
    await queryRunner.query(`ALTER TABLE "contracts"."contracts" DROP COLUMN "renewal_notice_days"`);
    await queryRunner.query(`ALTER TABLE "contracts"."contracts" DROP COLUMN "renewal_term_months"`);
  }
}
