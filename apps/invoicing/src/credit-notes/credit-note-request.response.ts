import { ApiProperty } from '@nestjs/swagger';
import { CreditNoteRequest } from '@ar/invoicing';

export class CreditNoteRequestResponse {
  @ApiProperty({ format: 'uuid', example: '0190a000-0000-7000-8000-000000003101' }) id: string;
  @ApiProperty({ format: 'uuid', example: '0190a000-0000-7000-8000-000000001001' }) invoiceId: string;
  @ApiProperty({ format: 'uuid', example: '0190a000-0000-7000-8000-000000000001' }) clientId: string;
  @ApiProperty({ description: 'minor units', example: 19000 }) amount: number;
  @ApiProperty({ example: 'EUR' }) currency: string;
  @ApiProperty({ example: 'Two consulting hours billed twice' }) reason: string;
  @ApiProperty({ enum: ['pending', 'approved', 'rejected'], example: 'pending' }) status: string;
  @ApiProperty({ format: 'uuid', example: '0190a000-0000-7000-8000-0000000000a1' }) requestedBy: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', example: null }) decidedBy: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', example: null }) decidedAt: string | null;
  @ApiProperty({ nullable: true, type: String, example: null }) decisionNote: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'the credit note issued on approval', example: null }) creditNoteId: string | null;
  @ApiProperty({ format: 'date-time', example: '2026-04-09T14:02:11.000Z' }) createdAt: string;
}

export function toCreditNoteRequestResponse(r: CreditNoteRequest): CreditNoteRequestResponse {
  return {
    id: r.id,
    invoiceId: r.invoiceId,
    clientId: r.clientId,
    amount: r.amount,
    currency: r.currency,
    reason: r.reason,
    status: r.status,
    requestedBy: r.requestedBy,
    decidedBy: r.decidedBy,
    decidedAt: r.decidedAt?.toISOString() ?? null,
    decisionNote: r.decisionNote,
    creditNoteId: r.creditNoteId,
    createdAt: r.createdAt.toISOString(),
  };
}
