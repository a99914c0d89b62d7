import { MigrationInterface, QueryRunner } from 'typeorm';

const OUTBOX_TABLES = ['contracts.outbox_events', 'invoicing.outbox_events', 'collections.outbox_events'];

/**
 * `offered_at`: when the relay last put an event on the queue. `published_at` now means handed over: the
 * consumer recorded what it did. Until then the relay offers the event again, so an event queued in a
 * Redis that then lost everything is not lost with it.
 */
export class OfferOutboxEventsUntilHandedOver1764600000000 implements MigrationInterface {
  name = 'OfferOutboxEventsUntilHandedOver1764600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of OUTBOX_TABLES) await queryRunner.query(`ALTER TABLE ${table} ADD COLUMN offered_at timestamptz`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of OUTBOX_TABLES) await queryRunner.query(`ALTER TABLE ${table} DROP COLUMN offered_at`);
  }
}
