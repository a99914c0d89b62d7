import { ApiProperty } from '@nestjs/swagger';
import { DunningHold, holdStatus } from '@ar/collections';
import { CalendarDate } from '@ar/time';

export class DunningHoldResponse {
  @ApiProperty({ format: 'uuid', example: '0190a000-0000-7000-8000-000000009001' }) id: string;
  @ApiProperty({ format: 'uuid', example: '0190a000-0000-7000-8000-000000000001' }) clientId: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', example: null, description: 'null: every invoice of the client' }) invoiceId: string | null;
  @ApiProperty({ format: 'date', example: '2026-05-01', description: 'the first day dunning runs again' }) until: string;
  @ApiProperty({ example: 'Credit note for the damaged delivery in preparation' }) reason: string;
  @ApiProperty({ enum: ['active', 'released', 'expired'], example: 'active' }) status: string;
  @ApiProperty({ format: 'uuid', example: '0190a000-0000-7000-8000-0000000000a1' }) createdBy: string;
  @ApiProperty({ format: 'date-time', example: '2026-04-15T09:30:00.000Z' }) createdAt: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', example: null }) releasedAt: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', example: null }) releasedBy: string | null;
  @ApiProperty({ nullable: true, type: String, example: null }) releaseReason: string | null;
}

export function toDunningHoldResponse(hold: DunningHold, today: CalendarDate): DunningHoldResponse {
  return {
    id: hold.id,
    clientId: hold.clientId,
    invoiceId: hold.invoiceId,
    until: hold.until,
    reason: hold.reason,
    status: holdStatus(hold, today),
    createdBy: hold.createdBy,
    createdAt: hold.createdAt.toISOString(),
    releasedAt: hold.releasedAt?.toISOString() ?? null,
    releasedBy: hold.releasedBy,
    releaseReason: hold.releaseReason,
  };
}
