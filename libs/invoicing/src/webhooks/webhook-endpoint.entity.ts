import { Check, Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

export const WEBHOOK_EVENT_TYPES = [
  'invoice.issued',
  'invoice.paid',
  'invoice.overdue',
  'invoice.dunning_level_changed',
  'payment.received',
  'payment.reversed',
  'client.risk_changed',
  'client.blocked',
  'client.unblocked',
  'task.created',
  'task.completed',
  'promise.broken',
  'letter.sent',
  'letter.failed',
  'task.reassigned',
  'promise.cancelled',
  'dunning.hold_placed',
  'dunning.hold_released',
  'invoice.written_off',
  'credit.applied',
  'instalment_plan.created',
  'instalment_plan.ended',
  'dispute_case.opened',
  'dispute_case.resolution_proposed',
  'dispute_case.resolved',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

@Entity({ schema: 'invoicing', name: 'webhook_endpoints' })
@Check('webhook_endpoints_status_check', `status IN ('active', 'disabled')`)
export class WebhookEndpoint {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 2048 })
  url: string;

  @Column({ type: 'text', array: true })
  events: string[];

  @Column({ type: 'varchar', length: 200 })
  secret: string;

  @Column({ type: 'varchar', length: 16, default: 'active' })
  status: 'active' | 'disabled';

  @Column({ name: 'disabled_reason', type: 'varchar', length: 500, nullable: true })
  disabledReason: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
