import { ApiProperty } from '@nestjs/swagger';
import { invoiceBalance, InvoiceView, openFees, openInterest, overdueState } from '@ar/invoicing';

export class InvoiceLineResponse {
  @ApiProperty({ example: 1 }) position: number;
  @ApiProperty({ example: 'Consulting, March 2026' }) description: string;
  @ApiProperty({ example: 10 }) quantity: number;
  @ApiProperty({ description: 'minor units', example: 10000 }) unitPrice: number;
  @ApiProperty({ example: 19 }) taxRatePercent: number;
  @ApiProperty({ description: 'minor units', example: 100000 }) netAmount: number;
  @ApiProperty({ description: 'minor units', example: 19000 }) taxAmount: number;
}

export class VolumeTierResponse {
  @ApiProperty({ description: 'minor units', example: 1000000 }) from: number;
  @ApiProperty({ example: 2 }) percent: number;
}

export class VolumeSliceResponse {
  @ApiProperty({ description: 'volume where the stretch starts, minor units', example: 1000000 }) from: number;
  @ApiProperty({ description: 'volume where it ends, minor units', example: 1100000 }) to: number;
  @ApiProperty({ example: 2 }) percent: number;
}

export class VolumePeriodResponse {
  @ApiProperty({ format: 'date', example: '2026-01-01' }) from: string;
  @ApiProperty({ format: 'date', example: '2026-12-31' }) to: string;
}

export class InvoiceVolumeDiscountResponse {
  @ApiProperty({ enum: ['invoice', 'year_end_rebate'] }) settlement: string;
  @ApiProperty({ type: VolumePeriodResponse }) period: VolumePeriodResponse;
  @ApiProperty({ description: 'net invoiced in the period before this invoice (before volume discounts), minor units', example: 900000 }) volumeBefore: number;
  @ApiProperty({ description: 'the same with this invoice, minor units', example: 1100000 }) volumeAfter: number;
  @ApiProperty({ type: VolumeTierResponse, nullable: true, description: 'the tier reached with this invoice' }) tier: VolumeTierResponse | null;
  @ApiProperty({ type: [VolumeSliceResponse], description: "this invoice's volume in each tier" }) slices: VolumeSliceResponse[];
  @ApiProperty({ description: 'the discount lines of this invoice together (net), minor units; 0 with a year-end rebate', example: 2000 }) discount: number;
}

export class InvoiceResponse {
  @ApiProperty({ format: 'uuid', example: '0190a000-0000-7000-8000-000000001001' }) id: string;
  @ApiProperty({ example: 'INV-2026-000123' }) number: string;
  @ApiProperty({ format: 'uuid', example: '0190a000-0000-7000-8000-000000000001' }) clientId: string;
  @ApiProperty({ format: 'uuid', example: '0190a000-0000-7000-8000-000000000101' }) contractId: string;
  @ApiProperty({ example: 'EUR' }) currency: string;
  @ApiProperty({ format: 'date', example: '2026-03-01' }) issueDate: string;
  @ApiProperty({ format: 'date', example: '2026-03-31' }) dueDate: string;
  @ApiProperty({ type: [InvoiceLineResponse] }) lines: InvoiceLineResponse[];
  @ApiProperty({ description: 'minor units', example: 100000 }) subtotal: number;
  @ApiProperty({ description: 'minor units', example: 19000 }) taxTotal: number;
  @ApiProperty({ description: 'minor units', example: 119000 }) total: number;
  @ApiProperty({ description: 'minor units', example: 0 }) amountPaid: number;
  @ApiProperty({ description: 'by credit notes, minor units', example: 0 }) amountCredited: number;
  @ApiProperty({ description: 'written off as uncollectable, minor units', example: 0 }) amountWrittenOff: number;
  @ApiProperty({
    nullable: true, type: String, format: 'date', example: '2026-04-12',
    description: "while owed: the due date plus the client's typical delay (amount-weighted mean days late over the past year), not before today (or asOf)",
  })
  predictedPaymentDate: string | null;
  @ApiProperty({ description: 'cash discount granted, minor units', example: 0 }) amountDiscounted: number;
  @ApiProperty({ description: 'minor units', example: 119000 }) balance: number;
  @ApiProperty({ enum: ['open', 'partially_paid', 'paid', 'void', 'written_off'], example: 'open' }) status: string;
  @ApiProperty({ example: false }) disputed: boolean;
  @ApiProperty({ nullable: true, type: String, example: null }) disputeReason: string | null;
  @ApiProperty({ example: true }) overdue: boolean;
  @ApiProperty({ example: 15 }) daysOverdue: number;
  @ApiProperty({ example: 1 }) dunningLevel: number;
  @ApiProperty({
    description: 'late interest accrued as of today (or asOf), computed from the ledger, whether the invoice is open or was paid late, less what was charged on interest invoices or waived; minor units, never part of the balance',
    example: 451,
  })
  lateInterest: number;
  @ApiProperty({ description: 'the statutory flat fee (once late) and the dunning fees, as of today (or asOf); minor units, never part of the balance', example: 4000 }) lateFees: number;
  @ApiProperty({ enum: ['standard', 'interest'], description: 'interest: issued for the late interest and fees of originalInvoiceId; never bears interest', example: 'standard' })
  kind: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', example: null }) originalInvoiceId: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'erp-4711' }) externalId: string | null;
  @ApiProperty({ type: InvoiceVolumeDiscountResponse, nullable: true, description: "what the contract's volume tiers gave this invoice; null when the contract has none" })
  volumeDiscount: InvoiceVolumeDiscountResponse | null;
  @ApiProperty({ format: 'date-time', example: '2026-03-01T09:12:44.000Z' }) createdAt: string;
}

export function toInvoiceResponse({ invoice, dunning, accrued, predictedPaymentDate }: InvoiceView, asOf: string): InvoiceResponse {
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
    amountCredited: invoice.amountCredited - invoice.amountWrittenOff,
    amountWrittenOff: invoice.amountWrittenOff,
    predictedPaymentDate,
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
    volumeDiscount: invoice.volumeDiscount,
    createdAt: invoice.createdAt.toISOString(),
  };
}
