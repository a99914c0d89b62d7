import { ApiProperty } from '@nestjs/swagger';
import { PaymentView } from '@ar/invoicing';

export class AllocationResponse {
  @ApiProperty({ format: 'uuid' }) invoiceId: string;
  @ApiProperty() amount: number;
  @ApiProperty({ description: 'cash discount granted with this payment' }) discount: number;
}

export class PaymentResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) clientId: string;
  @ApiProperty() amount: number;
  @ApiProperty() currency: string;
  @ApiProperty() receivedOn: string;
  @ApiProperty({ nullable: true, type: String }) reference: string | null;
  @ApiProperty({ nullable: true, type: String }) externalId: string | null;
  @ApiProperty({ nullable: true, type: String }) invoiceId: string | null;
  @ApiProperty({ type: [AllocationResponse] }) allocations: AllocationResponse[];
  @ApiProperty() unappliedAmount: number;
  @ApiProperty({ enum: ['applied', 'reversed'] }) status: string;
  @ApiProperty({ nullable: true, type: String }) reversedOn: string | null;
  @ApiProperty() createdAt: string;
}

export function toPaymentResponse({ payment, allocations }: PaymentView): PaymentResponse {
  return {
    id: payment.id,
    clientId: payment.clientId,
    amount: payment.amount,
    currency: payment.currency,
    receivedOn: payment.receivedOn,
    reference: payment.reference,
    externalId: payment.externalId,
    invoiceId: payment.invoiceId,
    allocations: allocations.map((a) => ({ invoiceId: a.invoiceId, amount: a.paid, discount: a.discounted })),
    unappliedAmount: payment.unappliedAmount,
    status: payment.status,
    reversedOn: payment.reversedOn,
    createdAt: (payment.createdAt ?? new Date()).toISOString(),
  };
}
