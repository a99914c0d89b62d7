import { ApiProperty } from '@nestjs/swagger';
import { invoiceBalance, InvoiceView, openFees, openInterest, overdueState } from '@ar/invoicing';

export class InvoiceLineResponse {
  @ApiProperty() position: number;
  @ApiProperty() description: string;
  @ApiProperty() quantity: number;
  @ApiProperty() unitPrice: number;
  @ApiProperty() taxRatePercent: number;
  @ApiProperty() netAmount: number;
  @ApiProperty() taxAmount: number;
}

export class InvoiceResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() number: string;
  @ApiProperty({ format: 'uuid' }) clientId: string;
  @ApiProperty({ format: 'uuid' }) contractId: string;
  @ApiProperty() currency: string;
  @ApiProperty() issueDate: string;
  @ApiProperty() dueDate: string;
  @ApiProperty({ type: [InvoiceLineResponse] }) lines: InvoiceLineResponse[];
  @ApiProperty() subtotal: number;
  @ApiProperty() taxTotal: number;
  @ApiProperty() total: number;
  @ApiProperty() amountPaid: number;
  @ApiProperty() amountCredited: number;
  @ApiProperty({ description: 'cash discount granted' }) amountDiscounted: number;
  @ApiProperty() balance: number;
  @ApiProperty({ enum: ['open', 'partially_paid', 'paid', 'void', 'written_off'] }) status: string;
  @ApiProperty() disputed: boolean;
  @ApiProperty({ nullable: true, type: String }) disputeReason: string | null;
  @ApiProperty() overdue: boolean;
  @ApiProperty() daysOverdue: number;
  @ApiProperty() dunningLevel: number;
  @ApiProperty({
    description: 'late interest accrued as of today (or asOf), computed from the ledger, whether the invoice is open or was paid late, less what was charged on interest invoices or waived; minor units, never part of the balance',
  })
  lateInterest: number;
  @ApiProperty({ description: 'the statutory flat fee (once late) and the dunning fees, as of today (or asOf); minor units, never part of the balance' }) lateFees: number;
  @ApiProperty({ enum: ['standard', 'interest'], description: 'interest: issued for the late interest and fees of originalInvoiceId; never bears interest' })
  kind: string;
  @ApiProperty({ nullable: true, format: 'uuid' }) originalInvoiceId: string | null;
  @ApiProperty({ nullable: true, type: String }) externalId: string | null;
  @ApiProperty() createdAt: string;
}

export function toInvoiceResponse({ invoice, dunning, accrued }: InvoiceView, asOf: string): InvoiceResponse {
  const { overdue, daysOverdue } = overdueState(invoice, asOf);
  return {
    id: invoice.id,
    number: invoice.number,
    clientId: invoice.clientId,
    contractId: invoice.contractId,
    currency: invoice.currency,
    issueDate: invoice.issueDate,
    dueDate: invoice.dueDate,
    lines: (invoice.lines ?? []).map((l) => ({
      position: l.position,
      description: l.description,
      quantity: l.quantity,
      unitPrice: l.unitPrice,
      taxRatePercent: l.taxRatePercent,
      netAmount: l.netAmount,
      taxAmount: l.taxAmount,
    })),
    subtotal: invoice.subtotal,
    taxTotal: invoice.taxTotal,
    total: invoice.total,
    amountPaid: invoice.amountPaid,
    amountCredited: invoice.amountCredited,
    amountDiscounted: invoice.amountDiscounted,
    balance: invoiceBalance(invoice),
    status: invoice.status,
    disputed: invoice.disputed,
    disputeReason: invoice.disputeReason,
    overdue,
    daysOverdue,
    dunningLevel: dunning.level,
    lateInterest: openInterest(accrued),
    lateFees: openFees(accrued, dunning.feeAmount),
    kind: invoice.kind,
    originalInvoiceId: invoice.originalInvoiceId,
    externalId: invoice.externalId,
    createdAt: invoice.createdAt.toISOString(),
  };
}
