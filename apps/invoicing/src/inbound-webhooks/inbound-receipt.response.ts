import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** What became of a signed message; a message id seen before answers `duplicate` (or `already_reversed`). */
export class InboundReceiptResponse {
  @ApiProperty({ enum: [true], example: true }) received: true;
  @ApiProperty({ enum: ['applied', 'duplicate', 'reversed', 'already_reversed'], example: 'applied' }) outcome: string;
  @ApiPropertyOptional({ format: 'uuid', example: '0190a000-0000-7000-8000-000000002001' }) paymentId?: string;
}
