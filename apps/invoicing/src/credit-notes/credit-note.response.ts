import { ApiProperty } from '@nestjs/swagger';
import { CreditNote } from '@ar/invoicing';

export class CreditNoteResponse {
  @ApiProperty({ format: 'uuid', example: '0190a000-0000-7000-8000-000000003001' }) id: string;
  @ApiProperty({ format: 'uuid', example: '0190a000-0000-7000-8000-000000001001' }) invoiceId: string;
  @ApiProperty({ format: 'uuid', example: '0190a000-0000-7000-8000-000000000001' }) clientId: string;
  @ApiProperty({ description: 'minor units', example: 19000 }) amount: number;
  @ApiProperty({ example: 'EUR' }) currency: string;
  @ApiProperty({ example: 'Two consulting hours billed twice' }) reason: string;
  @ApiProperty({ format: 'date', example: '2026-04-10' }) issuedOn: string;
  @ApiProperty({ format: 'date-time', example: '2026-04-10T08:30:00.000Z' }) createdAt: string;
}

export function toCreditNoteResponse(note: CreditNote): CreditNoteResponse {
  return {
    id: note.id,
    invoiceId: note.invoiceId,
    clientId: note.clientId,
    amount: note.amount,
    currency: note.currency,
    reason: note.reason,
    issuedOn: note.issuedOn,
    createdAt: note.createdAt.toISOString(),
  };
}
