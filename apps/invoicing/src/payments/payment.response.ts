import { ApiProperty } from '@nestjs/swagger';
import { PaymentView } from '@ar/invoicing';

export class AllocationResponse {
  @ApiProperty({ format: 'uuid', example: '0190a000-0000-7000-8000-000000001001' }) invoiceId: string;
  @ApiProperty({ description: 'minor units', example: 119000 }) amount: number;
  @ApiProperty({ description: 'cash discount granted with this payment, minor units', example: 0 }) discount: number;
}

export class PaymentResponse {
  @ApiProperty({ format: 'uuid', example: '0190a000-0000-7000-8000-000000002001' }) id: string;
  @ApiProperty({ format: 'uuid', example: '0190a000-0000-7000-8000-000000000001' }) clientId: string;
  @ApiProperty({ description: 'minor units', example: 119000 }) amount: number;
  @ApiProperty({ example: 'EUR' }) currency: string;
  @ApiProperty({ format: 'date', example: '2026-04-02' }) receivedOn: string;
  @ApiProperty({ nullable: true, type: String, example: 'INV-2026-000123' }) reference: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'bank-tx-88123' }) externalId: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', example: null }) invoiceId: string | null;
  @ApiProperty({ type: [AllocationResponse] }) allocations: AllocationResponse[];
  @ApiProperty({ description: 'minor units', example: 0 }) unappliedAmount: number;
  @ApiProperty({ enum: ['applied', 'reversed'], example: 'applied' }) status: string;
  @ApiProperty({ nullable: true, type: String, format: 'date', example: null }) reversedOn: string | null;
  @ApiProperty({ format: 'date-time', example: '2026-04-02T10:01:07.000Z' }) createdAt: string;
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
