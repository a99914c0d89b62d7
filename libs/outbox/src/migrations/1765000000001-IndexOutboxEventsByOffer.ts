import { MigrationInterface, QueryRunner } from 'typeorm';

const OUTBOX_SCHEMAS = ['contracts', 'invoicing', 'collections'];

/**
 * The relay looks for events never offered, then for offers gone stale; each gets its own partial index, so
 * neither walks the events offered and still waiting for their consumer's hand-over. They replace the index
 * on all events not handed over, which nothing reads any more.
 */
export class IndexOutboxEventsByOffer1765000000001 implements MigrationInterface {
  name = 'IndexOutboxEventsByOffer1765000000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const schema of OUTBOX_SCHEMAS) {
      await queryRunner.query(`CREATE INDEX outbox_events_unoffered_idx ON ${schema}.outbox_events (id) WHERE published_at IS NULL AND offered_at IS NULL`);
      await queryRunner.query(`CREATE INDEX outbox_events_offered_idx ON ${schema}.outbox_events (offered_at) WHERE published_at IS NULL AND offered_at IS NOT NULL`);
      await queryRunner.query(`DROP INDEX ${schema}.outbox_events_unpublished_idx`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const schema of OUTBOX_SCHEMAS) {
      await queryRunner.query(`CREATE INDEX outbox_events_unpublished_idx ON ${schema}.outbox_events (id) WHERE published_at IS NULL`);
      await queryRunner.query(`DROP INDEX ${schema}.outbox_events_offered_idx`);
      await queryRunner.query(`DROP INDEX ${schema}.outbox_events_unoffered_idx`);
    }
  }
}
