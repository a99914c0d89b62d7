import { ApiProperty } from '@nestjs/swagger';
import { DISPUTE_REASON_CODES, DISPUTE_RESOLUTIONS, DisputeCase } from '@ar/invoicing';

class DisputeNoteResponse {
  @ApiProperty({ format: 'date-time', example: '2026-04-16T10:00:00.000Z' }) at: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', example: '0190a000-0000-7000-8000-0000000000a1' }) by: string | null;
  @ApiProperty({ example: 'Photos of the damage received' }) note: string;
}

export class DisputeCaseResponse {
  @ApiProperty({ format: 'uuid', example: '0190a000-0000-7000-8000-00000000b001' }) id: string;
  @ApiProperty({ format: 'uuid', example: '0190a000-0000-7000-8000-000000001001' }) invoiceId: string;
  @ApiProperty({ format: 'uuid', example: '0190a000-0000-7000-8000-000000000001' }) clientId: string;
  @ApiProperty({ example: 'EUR' }) currency: string;
  @ApiProperty({ description: 'what the invoice owed when the case was opened, minor units', example: 119000 }) amount: number;
  @ApiProperty({ enum: DISPUTE_REASON_CODES, example: 'quality' }) reasonCode: string;
  @ApiProperty({ example: 'Goods arrived damaged' }) reason: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', example: '0190a000-0000-7000-8000-0000000000a1' }) ownerId: string | null;
  @ApiProperty({ format: 'date', example: '2026-04-29' }) dueOn: string;
  @ApiProperty({ type: [DisputeNoteResponse] }) notes: DisputeNoteResponse[];
  @ApiProperty({ enum: ['open', 'resolved'], example: 'open' }) status: string;
  @ApiProperty({ nullable: true, enum: DISPUTE_RESOLUTIONS, example: null }) resolution: string | null;
  @ApiProperty({ nullable: true, type: Number, description: 'credited or written off, minor units', example: null }) resolutionAmount: number | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', example: null, description: 'the credit note or write-off booked' }) creditNoteId: string | null;
  @ApiProperty({ nullable: true, enum: ['credit_note', 'write_off'], example: null, description: 'waiting for finance' }) proposedResolution: string | null;
  @ApiProperty({ nullable: true, type: Number, example: null }) proposedAmount: number | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', example: null }) proposedBy: string | null;
  @ApiProperty({ format: 'date', example: '2026-04-15' }) openedOn: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', example: '0190a000-0000-7000-8000-0000000000a1' }) openedBy: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date', example: null }) resolvedOn: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', example: null }) resolvedBy: string | null;
  @ApiProperty({ nullable: true, type: Number, example: null, description: 'resolved − opened, in days' }) daysToResolve: number | null;
}

export function toDisputeCaseResponse(c: DisputeCase): DisputeCaseResponse {
  return {
    id: c.id,
    invoiceId: c.invoiceId,
    clientId: c.clientId,
    currency: c.currency,
    amount: c.amount,
    reasonCode: c.reasonCode,
    reason: c.reason,
    ownerId: c.ownerId,
    dueOn: c.dueOn,
    notes: c.notes,
    status: c.status,
    resolution: c.resolution,
    resolutionAmount: c.resolutionAmount,
    creditNoteId: c.creditNoteId,
    proposedResolution: c.proposedResolution,
    proposedAmount: c.proposedAmount,
    proposedBy: c.proposedBy,
    openedOn: c.openedOn,
    openedBy: c.openedBy,
    resolvedOn: c.resolvedOn,
    resolvedBy: c.resolvedBy,
    daysToResolve: c.resolvedOn ? Math.round((Date.parse(c.resolvedOn) - Date.parse(c.openedOn)) / 86_400_000) : null,
  };
}
