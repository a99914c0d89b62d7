import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { OUTBOX_SCHEMAS, OutboxSchema } from './outbox-event';

export interface HandedOverEvent {
  id: string;
  source: OutboxSchema;
}

/**
 * The consumer's half of the outbox: once it has recorded what an event made it do (delivery rows
 * written, reactions applied), it marks the event handed over (`published_at`) in the outbox it came
 * from. Until then the relay keeps offering the event, so a queue that lost its jobs loses no event.
 */
@Injectable()
export class OutboxHandover {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async handedOver(events: readonly HandedOverEvent[]): Promise<void> {
    for (const schema of OUTBOX_SCHEMAS) {
      const ids = events.filter((e) => e.source === schema).map((e) => e.id);
      if (ids.length === 0) continue;
      // The schema comes from the fixed list above, never from the job's data.
      await this.dataSource.query(`UPDATE ${schema}.outbox_events SET published_at = now() WHERE id = ANY($1::uuid[]) AND published_at IS NULL`, [ids]);
    }
  }
}
