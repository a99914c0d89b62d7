import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { isUniqueViolation } from '@ar/database';
import { DomainError, ErrorCode } from '@ar/errors';
import { Clock } from '@ar/time';
import { PaymentsService } from '../payments/payments.service';
import { InboundEvent, InboundOutcome } from './inbound-event';

/**
 * Applies a verified finance-system event exactly once: the webhook id and the payment's externalId
 * are both recorded in the same transaction as the payment itself.
 */
@Injectable()
export class InboundWebhooksService {
  private readonly logger = new Logger(InboundWebhooksService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly payments: PaymentsService,
    private readonly clock: Clock,
  ) {}

  async handle(integrationId: string, messageId: string, event: InboundEvent): Promise<{ outcome: InboundOutcome; paymentId?: string }> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        if (!(await this.markMessage(integrationId, messageId, event.type, manager))) return { outcome: 'duplicate' as const };
        return this.apply(integrationId, event, manager);
      });
    } catch (error) {
      // A concurrent delivery of the same payment under another webhook id won the race.
      if (isUniqueViolation(error, 'payments_source_external_id_key')) {
        this.logger.log({ integrationId, messageId }, 'Duplicate inbound payment ignored');
        return { outcome: 'duplicate' };
      }
      throw error;
    }
  }

  private async apply(integrationId: string, event: InboundEvent, manager: EntityManager): Promise<{ outcome: InboundOutcome; paymentId?: string }> {
    if (event.type === 'payment.received') {
      // A repeated externalId violates payments_source_external_id_key and lands in handle()'s catch.
      const { payment } = await this.payments.record({ all: true }, event.data, integrationId, manager).catch((error: unknown) => {
        // For a finance system an unknown client is a business error in its message, not a missing route.
        if (error instanceof DomainError && error.code === ErrorCode.NotFound) throw DomainError.businessRule(error.detail);
        throw error;
      });
      return { outcome: 'applied', paymentId: payment.id };
    }
    const reversed = await this.payments.reverseBySource(integrationId, event.data.externalId, manager);
    if (!reversed) throw DomainError.businessRule(`No payment with externalId ${event.data.externalId} was received from this integration`);
    return { outcome: reversed.alreadyReversed ? 'already_reversed' : 'reversed', paymentId: reversed.payment.id };
  }

  /** False when this webhook id was already processed for the integration. */
  private async markMessage(integrationId: string, messageId: string, type: string, manager: EntityManager): Promise<boolean> {
    const rows = await manager.query(
      `INSERT INTO invoicing.inbound_messages (integration_id, message_id, type, received_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT DO NOTHING RETURNING 1`,
      [integrationId, messageId, type, this.clock.now()],
    );
    return rows.length > 0;
  }

  /** Forgets webhook ids older than the retention (at least 3 days, longer than any sender retries). */
  async purgeMessagesOlderThan(days: number): Promise<void> {
    await this.dataSource.query(`DELETE FROM invoicing.inbound_messages WHERE received_at < now() - make_interval(days => $1)`, [days]);
  }
}
