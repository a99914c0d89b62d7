import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { OutboxWriter } from '@ar/outbox';
import { CalendarDate } from '@ar/time';
import { CollectionsEvents } from '../collections-events';
import { heldOn } from '../holds/active-hold.sql';
import { STANDARD_POLICY_ID } from '../policies/dunning-policy.entity';

/**
 * Level 0: a courtesy reminder a few days before the due date, for policies that ask for one. In one statement the
 * sweep records which open, undisputed, unheld invoices come due within their policy's `courtesyDaysBeforeDue` and
 * were not reminded yet (once per invoice), and asks invoicing for one e-mail per client and currency
 * (`dunning.letter_requested`, kind courtesy, no task).
 */
@Injectable()
export class CourtesyRemindersPhase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
  ) {}

  async run(asOf: CalendarDate): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const groups: { client_id: string; invoice_ids: string[] }[] = await manager.query(
        `WITH due AS (
           SELECT r.invoice_id, r.client_id, r.currency
           FROM invoicing.receivables_v1 r
           JOIN contracts.contract_terms_v1 t ON t.id = r.contract_id
           JOIN collections.dunning_policies p ON p.id = coalesce(t.dunning_policy_id, $2::uuid)
           WHERE p.courtesy_days_before_due IS NOT NULL AND r.open_receivable AND NOT r.disputed
             AND r.due_date >= $1::date AND r.due_date <= $1::date + p.courtesy_days_before_due
             AND NOT ${heldOn('r.invoice_id', 'r.client_id', '$1::date')}),
         reminded AS (
           INSERT INTO collections.courtesy_reminders (invoice_id, client_id, reminded_on)
           SELECT invoice_id, client_id, $1::date FROM due
           ON CONFLICT (invoice_id) DO NOTHING
           RETURNING invoice_id)
         SELECT d.client_id, array_agg(d.invoice_id ORDER BY d.invoice_id) AS invoice_ids
         FROM due d JOIN reminded USING (invoice_id)
         GROUP BY d.client_id, d.currency`,
        [asOf, STANDARD_POLICY_ID],
      );
      await this.outbox.append(
        manager,
        'collections',
        groups.map((g) => ({
          type: CollectionsEvents.DunningLetterRequested,
          aggregateId: g.client_id,
          data: { taskId: null, clientId: g.client_id, level: 0, kind: 'courtesy' as const, channel: 'email' as const, invoiceIds: g.invoice_ids, payWithinDays: 1 },
        })),
      );
      return groups.length;
    });
  }
}
