import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AllocatableInvoice, byDueDate } from './allocate-payment';
import { openReceivableSql } from '../invoices/open-receivable';

/** A payment with unapplied credit left. */
export interface CreditSource {
  paymentId: string;
  currency: string;
  unapplied: number;
}

export interface CreditTarget extends AllocatableInvoice {
  clientId: string;
  currency: string;
}

/** The SQL of applying a client's unapplied credit to its open invoices. */
@Injectable()
export class CreditApplicationRepository {
  /** The client's standing payments with credit left, oldest first, locked. */
  async lockCredit(manager: EntityManager, clientId: string, currency: string | null): Promise<CreditSource[]> {
    const rows: { id: string; currency: string; unapplied_amount: string }[] = await manager.query(
      `SELECT id, currency, unapplied_amount FROM invoicing.payments
       WHERE client_id = $1 AND status = 'applied' AND unapplied_amount > 0 AND ($2::char(3) IS NULL OR currency = $2)
       ORDER BY received_on, id FOR UPDATE`,
      [clientId, currency],
    );
    return rows.map((r) => ({ paymentId: r.id, currency: r.currency, unapplied: Number(r.unapplied_amount) }));
  }

  /**
   * The client's open invoices in the currencies (or only the named ones), locked in id order like every writer of
   * invoice money, returned oldest due date first. Credit applied later grants no cash discount.
   */
  async lockTargets(manager: EntityManager, clientId: string, currencies: string[], invoiceIds: string[] | null): Promise<CreditTarget[]> {
    const rows: { id: string; client_id: string; number: string; currency: string; issue_date: string; due_date: string; total: string; settled: string }[] = await manager.query(
      `SELECT id, client_id, number, currency, to_char(issue_date, 'YYYY-MM-DD') AS issue_date, to_char(due_date, 'YYYY-MM-DD') AS due_date, total,
              amount_paid + amount_credited + amount_discounted AS settled
       FROM invoicing.invoices
       WHERE client_id = $1 AND currency = ANY($2::char(3)[]) AND ${openReceivableSql()} AND ($3::uuid[] IS NULL OR id = ANY($3::uuid[]))
       ORDER BY id FOR UPDATE`,
      [clientId, currencies, invoiceIds],
    );
    return rows
      .map((r) => ({ id: r.id, clientId: r.client_id, number: r.number, currency: r.currency, issueDate: r.issue_date, dueDate: r.due_date, total: Number(r.total), settled: Number(r.settled), cashDiscount: null }))
      .sort(byDueDate);
  }

  async useCredit(manager: EntityManager, used: { paymentId: string; amount: number }[]): Promise<void> {
    if (used.length === 0) return;
    await manager.query(
      `UPDATE invoicing.payments p SET unapplied_amount = p.unapplied_amount - u.amount
       FROM unnest($1::uuid[], $2::bigint[]) AS u(id, amount) WHERE p.id = u.id`,
      [used.map((u) => u.paymentId), used.map((u) => u.amount)],
    );
  }
}
