import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Publishes the reference rates (`collections.reference_rates_v1`) for the claim computation the invoicing
 * context runs from its ledger, and takes the statutory flat fee out of `invoice_dunning.fee_amount`: it now
 * holds dunning fees only, and the flat fee is part of the claim (@ar/claims).
 */
export class PublishReferenceRatesAndSplitFees1764800000000 implements MigrationInterface {
  name = 'PublishReferenceRatesAndSplitFees1764800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE VIEW collections.reference_rates_v1 AS SELECT series, valid_from, percent FROM collections.reference_rates`);
    await queryRunner.query(`
      UPDATE collections.invoice_dunning d SET fee_amount = greatest(0, d.fee_amount - 4000)
      FROM invoicing.receivables_v1 r JOIN contracts.contract_terms_v1 t ON t.id = r.contract_id
      WHERE r.invoice_id = d.invoice_id AND r.currency = 'EUR' AND t.late_interest_rule IN ('de_b2b', 'eu_b2b')`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      UPDATE collections.invoice_dunning d SET fee_amount = d.fee_amount + 4000
      FROM invoicing.receivables_v1 r JOIN contracts.contract_terms_v1 t ON t.id = r.contract_id
      WHERE r.invoice_id = d.invoice_id AND r.currency = 'EUR' AND t.late_interest_rule IN ('de_b2b', 'eu_b2b')`);
    await queryRunner.query(`DROP VIEW collections.reference_rates_v1`);
  }
}
