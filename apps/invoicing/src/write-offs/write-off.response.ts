import { ApiProperty } from '@nestjs/swagger';
import { CreditNote } from '@ar/invoicing';
import { InvoiceResponse } from '../invoices/invoice.response';

export class WriteOffResponse {
  @ApiProperty({ format: 'uuid', example: '0190a000-0000-7000-8000-00000000e001' }) id: string;
  @ApiProperty({ format: 'uuid', example: '0190a000-0000-7000-8000-000000001001' }) invoiceId: string;
  @ApiProperty({ format: 'uuid', example: '0190a000-0000-7000-8000-000000000001' }) clientId: string;
  @ApiProperty({ description: 'minor units', example: 119000 }) amount: number;
  @ApiProperty({ example: 'EUR' }) currency: string;
  @ApiProperty({ example: 'Debtor insolvent, no assets' }) reason: string;
  @ApiProperty({ format: 'date', example: '2026-04-15' }) writtenOffOn: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', example: '0190a000-0000-7000-8000-0000000000f1' }) writtenOffBy: string | null;
  @ApiProperty({ type: InvoiceResponse, description: 'the invoice after the write-off' }) invoice: InvoiceResponse;
}

export function toWriteOffResponse(entry: CreditNote, invoice: InvoiceResponse): WriteOffResponse {
  return {
    id: entry.id,
    invoiceId: entry.invoiceId,
    clientId: entry.clientId,
    amount: entry.amount,
    currency: entry.currency,
    reason: entry.reason,
    writtenOffOn: entry.issuedOn,
    writtenOffBy: entry.createdBy,
    invoice,
  };
}
