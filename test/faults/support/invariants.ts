import { eventually } from '../../support/webhook-receiver';
import type { FaultLab } from './fault-lab';
import type { SenderReport } from './payment-sender';

/** Every acknowledged payment is recorded exactly once (a payment can also be recorded when only its 2xx was lost). */
export async function expectEveryAcknowledgedPaymentOnce(lab: FaultLab, report: SenderReport): Promise<void> {
  const ids = report.acknowledged.map((p) => p.externalId);
  const rows = await lab.query<{ external_id: string; n: string }>(
    `SELECT external_id, count(*) AS n FROM invoicing.payments WHERE external_id = ANY($1::text[]) GROUP BY external_id`,
    [ids],
  );
  const counts = new Map(rows.map((r) => [r.external_id, Number(r.n)]));
  const missing = ids.filter((id) => !counts.has(id));
  const doubled = [...counts].filter(([, n]) => n !== 1);
  expect({ missing, doubled }).toEqual({ missing: [], doubled: [] });
}

/** Each payment's allocations and unapplied rest add up to it; each invoice's paid amount is what was allocated to it. */
export async function expectLedgerBalanced(lab: FaultLab): Promise<void> {
  const payments = await lab.query(
    `SELECT p.id FROM invoicing.payments p
     LEFT JOIN invoicing.payment_allocations a ON a.payment_id = p.id AND a.kind = 'payment'
     WHERE p.status = 'applied'
     GROUP BY p.id, p.amount, p.unapplied_amount
     HAVING p.amount <> coalesce(sum(a.amount), 0) + p.unapplied_amount`,
  );
  const invoices = await lab.query(
    `SELECT i.id FROM invoicing.invoices i
     LEFT JOIN invoicing.payment_allocations a ON a.invoice_id = i.id AND a.kind = 'payment'
     LEFT JOIN invoicing.payments p ON p.id = a.payment_id AND p.status = 'applied'
     GROUP BY i.id, i.amount_paid
     HAVING i.amount_paid <> coalesce(sum(a.amount) FILTER (WHERE p.id IS NOT NULL), 0)`,
  );
  expect({ unbalancedPayments: payments, unbalancedInvoices: invoices }).toEqual({ unbalancedPayments: [], unbalancedInvoices: [] });
}

/** Every payment.received event in the outbox reached the subscriber at least once (webhook-id = event id). */
export async function expectEveryEventDelivered(lab: FaultLab, timeoutMs = 60_000): Promise<void> {
  const events = await lab.query<{ id: string }>(`SELECT id FROM invoicing.outbox_events WHERE type = 'payment.received'`);
  const missing = await eventually(
    () => {
      const received = new Set(lab.receiver.received.map((r) => r.headers['webhook-id'] as string));
      return events.map((e) => e.id).filter((id) => !received.has(id));
    },
    (left) => left.length === 0,
    timeoutMs,
  ).catch((error: Error) => error.message);
  expect({ events: events.length, missing }).toEqual({ events: events.length, missing: [] });
}
