import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Webhook ids already processed per integration; kept at least 3 days to drop replays. */
@Entity({ schema: 'invoicing', name: 'inbound_messages' })
export class InboundMessage {
  @PrimaryColumn({ name: 'integration_id', type: 'uuid' })
  integrationId: string;

  @PrimaryColumn({ name: 'message_id', type: 'varchar', length: 255 })
  messageId: string;

  @Column({ type: 'varchar', length: 64 })
  type: string;

  @Index('inbound_messages_received_at_idx')
  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt: Date;
}
