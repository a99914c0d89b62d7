import { Injectable } from '@nestjs/common';
import { Principal, VisibilityService } from '@ar/auth';
import { DomainError } from '@ar/errors';
import { flatLateFee, InterestPeriod, interestPeriods, InterestRule, RateTable, totalInterest } from '@ar/claims';
import { CalendarDate } from '@ar/time';
import { ContractsDirectory } from '../directory/contracts-directory';
import { CollectionsDirectory, DunningState, NO_DUNNING } from '../directory/collections-directory';
import { Invoice } from '../invoices/invoice.entity';
import { InvoiceAccess } from '../invoices/invoice-access';
import { InvoiceRepository } from '../invoices/invoice.repository';
import { InvoiceLedgerEntry, InvoiceLedgerRepository } from './invoice-ledger.repository';

/** What an invoice has accrued as of a date, computed from its ledger by the one rule in @ar/claims. */
export interface AccruedClaim {
  rule: InterestRule;
  periods: InterestPeriod[];
  interest: number;
  /** The statutory flat fee (EUR 40 under de_b2b and eu_b2b), once the invoice was late at all. */
  flatFee: number;
  ledger: InvoiceLedgerEntry[];
  /** Interest and fees already claimed on interest invoices, or waived, by `asOf`. */
  charged: { interest: number; fees: number };
  waived: { interest: number; fees: number };
}

export const NOTHING_ACCRUED: AccruedClaim = {
  rule: 'none',
  periods: [],
  interest: 0,
  flatFee: 0,
  ledger: [],
  charged: { interest: 0, fees: 0 },
  waived: { interest: 0, fees: 0 },
};

/** Interest still to claim: accrued, less what was charged or waived. */
export function openInterest(accrued: AccruedClaim): number {
  return Math.max(0, accrued.interest - accrued.charged.interest - accrued.waived.interest);
}

/** Fees still to claim: the flat fee and the dunning fees, less what was charged or waived. */
export function openFees(accrued: AccruedClaim, dunningFees: number): number {
  return Math.max(0, accrued.flatFee + dunningFees - accrued.charged.fees - accrued.waived.fees);
}

export interface ClaimPrincipal {
  total: number;
  paid: number;
  discounted: number;
  credited: number;
  writtenOff: number;
  outstanding: number;
}

export interface ClaimFee {
  kind: 'flat_fee' | 'dunning';
  level?: number;
  amount: number;
}

/** The claim against one invoice as of a date: principal, interest period by period, fees, what was applied. */
export interface InvoiceClaim {
  invoiceId: string;
  number: string;
  clientId: string;
  currency: string;
  dueDate: CalendarDate;
  asOf: CalendarDate;
  rule: InterestRule;
  principal: ClaimPrincipal;
  periods: InterestPeriod[];
  interest: number;
  fees: ClaimFee[];
  feesTotal: number;
  applied: { on: CalendarDate; kind: InvoiceLedgerEntry['kind']; amount: number; paymentId: string | null; creditNoteId: string | null }[];
  interestCharged: number;
  feesCharged: number;
  interestWaived: number;
  feesWaived: number;
  /** Interest and fees still to claim: accrued less what was charged on interest invoices or waived. */
  openInterest: number;
  openFees: number;
  /** Outstanding principal + open interest + open fees. */
  totalClaimable: number;
}

/** A client's late invoices (open, or paid late) as of a date, with totals per currency. */
export interface ClientClaim {
  clientId: string;
  asOf: CalendarDate;
  invoices: InvoiceClaim[];
  totals: { currency: string; outstanding: number; interest: number; fees: number; totalClaimable: number }[];
}

/**
 * Late interest and fees of invoices, recomputed from the ledger for any date: what the invoice view shows
 * as `lateInterest`/`lateFees`, and what the claim statements list period by period.
 */
@Injectable()
export class InvoiceClaimsService {
  constructor(
    private readonly ledger: InvoiceLedgerRepository,
    private readonly invoices: InvoiceRepository,
    private readonly access: InvoiceAccess,
    private readonly contracts: ContractsDirectory,
    private readonly collections: CollectionsDirectory,
    private readonly visibility: VisibilityService,
  ) {}

  /** The claim statement of one invoice; 404 when the caller may not see it. */
  async invoiceClaim(principal: Principal, invoiceId: string, asOf: CalendarDate): Promise<InvoiceClaim> {
    const [claim] = await this.claims([await this.access.visible(principal, invoiceId)], asOf);
    return claim;
  }

  /** Every invoice of the client that was late by `asOf`, open or paid late; 404 when the caller may not see the client. */
  async clientClaim(principal: Principal, clientId: string, asOf: CalendarDate): Promise<ClientClaim> {
    if (!(await this.visibility.principalCanSeeClient(principal, clientId))) throw DomainError.notFound('Client', clientId);
    const claims = (await this.claims(await this.invoices.dueBefore(clientId, asOf), asOf)).filter(
      (claim) => claim.principal.outstanding > 0 || claim.interest > 0 || claim.feesTotal > 0,
    );
    const totals = new Map<string, ClientClaim['totals'][number]>();
    for (const c of claims) {
      const t = totals.get(c.currency) ?? { currency: c.currency, outstanding: 0, interest: 0, fees: 0, totalClaimable: 0 };
      t.outstanding += c.principal.outstanding;
      t.interest += c.openInterest;
      t.fees += c.openFees;
      t.totalClaimable += c.totalClaimable;
      totals.set(c.currency, t);
    }
    return { clientId, asOf, invoices: claims, totals: [...totals.values()].sort((a, b) => a.currency.localeCompare(b.currency)) };
  }

  /** The statements of several invoices as of a date, in a fixed number of queries however many there are. */
  async claims(invoices: readonly Invoice[], asOf: CalendarDate): Promise<InvoiceClaim[]> {
    const ids = invoices.map((i) => i.id);
    const [ledger, dunning] = await Promise.all([this.ledger.entriesFor(ids), this.collections.dunningStates(ids)]);
    const accrued = await this.accrue(invoices, asOf, ledger);
    return invoices.map((invoice) =>
      statement(
        invoice,
        dunning.get(invoice.id) ?? NO_DUNNING,
        accrued.get(invoice.id) ?? { ...NOTHING_ACCRUED, ledger: (ledger.get(invoice.id) ?? []).filter((e) => e.on <= asOf) },
        asOf,
      ),
    );
  }

  /** What each invoice accrued as of a date; `ledger` when the caller already read it. */
  async accrue(invoices: readonly Invoice[], asOf: CalendarDate, ledger?: Map<string, InvoiceLedgerEntry[]>): Promise<Map<string, AccruedClaim>> {
    const result = new Map<string, AccruedClaim>();
    // An interest invoice never bears interest itself (no interest on interest).
    const bearing = invoices.filter((i) => i.kind !== 'interest' && i.status !== 'void' && i.status !== 'written_off' && i.dueDate < asOf);
    if (bearing.length === 0) return result;
    const terms = await this.contracts.contractTerms([...new Set(bearing.map((i) => i.contractId))]);
    const ruled = bearing.filter((i) => (terms.get(i.contractId)?.lateInterestRule ?? 'none') !== 'none');
    if (ruled.length === 0) return result;
    const [entries, rates, adjustments] = await Promise.all([
      ledger ?? this.ledger.entriesFor(ruled.map((i) => i.id)),
      this.rates(ruled, terms),
      this.ledger.adjustmentsFor(ruled.map((i) => i.id)),
    ]);
    for (const invoice of ruled) {
      const contract = terms.get(invoice.contractId);
      const rule = contract?.lateInterestRule ?? 'none';
      const applied = (entries.get(invoice.id) ?? []).filter((e) => e.on <= asOf);
      const made = (adjustments.get(invoice.id) ?? []).filter((a) => a.through <= asOf);
      const total = (kind: 'charge' | 'waive') => ({
        interest: made.filter((a) => a.kind === kind).reduce((n, a) => n + a.interest, 0),
        fees: made.filter((a) => a.kind === kind).reduce((n, a) => n + a.fees, 0),
      });
      const periods = interestPeriods({
        until: made.find((a) => a.kind === 'waive')?.through ?? null,
        total: invoice.total,
        dueDate: invoice.dueDate,
        asOf,
        rule,
        fixedRatePercent: contract?.lateInterestRatePercent,
        rates,
        ledger: applied,
      });
      result.set(invoice.id, {
        rule,
        periods,
        interest: totalInterest(periods),
        flatFee: periods.length > 0 ? flatLateFee(rule, invoice.currency) : 0,
        ledger: applied,
        charged: total('charge'),
        waived: total('waive'),
      });
    }
    return result;
  }

  private async rates(invoices: readonly Invoice[], terms: Map<string, { lateInterestRule: InterestRule }>): Promise<RateTable> {
    const needsRates = invoices.some((i) => !['none', 'fixed'].includes(terms.get(i.contractId)?.lateInterestRule ?? 'none'));
    return needsRates ? this.collections.referenceRates() : {};
  }
}

/** The statement of one invoice from what it accrued; `dunning` carries the fees its dunning levels added. */
function statement(invoice: Invoice, dunning: DunningState, accrued: AccruedClaim, asOf: CalendarDate): InvoiceClaim {
  const sum = (kinds: InvoiceLedgerEntry['kind'][]) => accrued.ledger.filter((e) => kinds.includes(e.kind)).reduce((n, e) => n + e.amount, 0);
  // A reversal undoes a payment (or its discount); the ledger keeps both, so the net is what counts.
  const paid = sum(['payment']) - sum(['reversal']);
  const principal: ClaimPrincipal = { total: invoice.total, paid, discounted: sum(['discount']), credited: sum(['credit_note']), writtenOff: sum(['write_off']), outstanding: 0 };
  principal.outstanding = Math.max(0, principal.total - principal.paid - principal.discounted - principal.credited - principal.writtenOff);
  const fees: ClaimFee[] = [
    ...(accrued.flatFee > 0 ? [{ kind: 'flat_fee' as const, amount: accrued.flatFee }] : []),
    ...(dunning.feeAmount > 0 ? [{ kind: 'dunning' as const, level: dunning.level, amount: dunning.feeAmount }] : []),
  ];
  const feesTotal = fees.reduce((n, f) => n + f.amount, 0);
  return {
    invoiceId: invoice.id,
    number: invoice.number,
    clientId: invoice.clientId,
    currency: invoice.currency,
    dueDate: invoice.dueDate,
    asOf,
    rule: accrued.rule,
    principal,
    periods: accrued.periods,
    interest: accrued.interest,
    fees,
    feesTotal,
    applied: accrued.ledger.map(({ on, kind, amount, paymentId, creditNoteId }) => ({ on, kind, amount, paymentId, creditNoteId })),
    interestCharged: accrued.charged.interest,
    feesCharged: accrued.charged.fees,
    interestWaived: accrued.waived.interest,
    feesWaived: accrued.waived.fees,
    openInterest: openInterest(accrued),
    openFees: openFees(accrued, dunning.feeAmount),
    totalClaimable: principal.outstanding + openInterest(accrued) + openFees(accrued, dunning.feeAmount),
  };
}

const CSV_HEADER = 'invoice,currency,from,to,days,dayBasis,principal,rule,rateSeries,referenceRatePercent,marginPercent,ratePercent,interest';

/** The claims' interest periods as CSV, one row per period, amounts in minor units. */
export function claimPeriodsToCsv(claims: readonly InvoiceClaim[]): string {
  const escape = (value: string) => (/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  const rows = claims.flatMap((c) =>
    c.periods.map((p) =>
      [escape(c.number), c.currency, p.from, p.to, p.days, p.dayBasis, p.principal, p.rule, p.rateSeries ?? '', p.referenceRatePercent, p.marginPercent, p.ratePercent, p.interest].join(','),
    ),
  );
  return [CSV_HEADER, ...rows].join('\n') + '\n';
}
