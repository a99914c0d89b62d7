import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { EmbeddedStatement, SqlParams } from '@ar/database';

/** A signed webhook as received: which integration sent it, its webhook id, its event type. */
export interface InboundMessageKey {
  integrationId: string;
  messageId: string;
  type: string;
}

/** The webhook ids already processed (`invoicing.inbound_messages`), so a redelivered webhook is applied once. */
@Injectable()
export class InboundMessageRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Records webhook ids as processed, for a caller that embeds it in its own statement; on its own it fails on one seen before. */
  insertStatement(messages: InboundMessageKey[], receivedAt: Date): EmbeddedStatement {
    return (params) => {
      const columns = [
        params.add(messages.map((m) => m.integrationId), 'uuid[]'),
        params.add(messages.map((m) => m.messageId), 'text[]'),
        params.add(messages.map((m) => m.type), 'text[]'),
      ];
      return `INSERT INTO invoicing.inbound_messages (integration_id, message_id, type, received_at)
       SELECT integration_id, message_id, type, ${params.add(receivedAt)}
       FROM unnest(${columns.join(', ')}) AS m(integration_id, message_id, type)`;
    };
  }

  /** For each message, whether it is new: false when its webhook id was processed before (or earlier in the list). */
  async markNew(messages: InboundMessageKey[], receivedAt: Date, manager: EntityManager): Promise<boolean[]> {
    const params = new SqlParams();
    const rows: { integration_id: string; message_id: string }[] = await manager.query(
      `${this.insertStatement(messages, receivedAt)(params)} ON CONFLICT DO NOTHING RETURNING integration_id, message_id`,
      params.values,
    );
    const inserted = new Set(rows.map((r) => `${r.integration_id} ${r.message_id}`));
    // The same id twice in one list is inserted once; only its first occurrence counts as new.
    return messages.map((m) => inserted.delete(`${m.integrationId} ${m.messageId}`));
  }

  async forget(messages: Pick<InboundMessageKey, 'integrationId' | 'messageId'>[], manager: EntityManager): Promise<void> {
    if (messages.length === 0) return;
    await manager.query(
      `DELETE FROM invoicing.inbound_messages m USING unnest($1::uuid[], $2::text[]) AS f(integration_id, message_id)
       WHERE m.integration_id = f.integration_id AND m.message_id = f.message_id`,
      [messages.map((m) => m.integrationId), messages.map((m) => m.messageId)],
    );
  }

  async purgeOlderThan(days: number): Promise<void> {
    await this.dataSource.query(`DELETE FROM invoicing.inbound_messages WHERE received_at < now() - make_interval(days => $1)`, [days]);
  }
}
