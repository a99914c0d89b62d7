import { ApiProperty } from '@nestjs/swagger';
import { isPartlyKept, PROMISE_STATUSES, PromiseProgress } from '@ar/collections';

export class PromiseResponse {
  @ApiProperty({ format: 'uuid', example: '0190a000-0000-7000-8000-000000008001' }) id: string;
  @ApiProperty({ format: 'uuid', example: '0190a000-0000-7000-8000-000000000001' }) clientId: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', example: '0190a000-0000-7000-8000-000000006001' }) taskId: string | null;
  @ApiProperty({ format: 'date', example: '2026-04-15', description: 'the day it was made' }) promisedOn: string;
  @ApiProperty({ format: 'date', example: '2026-04-30' }) promisedDate: string;
  @ApiProperty({ description: 'minor units', example: 119000 }) promisedAmount: number;
  @ApiProperty({ example: 'EUR' }) currency: string;
  @ApiProperty({ description: 'applied payments in its currency since it was made, up to its date and the tolerance', example: 40000 }) paid: number;
  @ApiProperty({ enum: PROMISE_STATUSES, example: 'active' }) status: string;
  @ApiProperty({ description: 'broken, but part of the amount was paid', example: false }) partlyKept: boolean;
  @ApiProperty({ nullable: true, type: String, format: 'date', example: null }) resolvedOn: string | null;
  @ApiProperty({ nullable: true, type: String, example: null }) cancelReason: string | null;
  @ApiProperty({ format: 'date-time', example: '2026-04-15T09:30:00.000Z' }) createdAt: string;
}

export function toPromiseResponse(progress: PromiseProgress): PromiseResponse {
  const { promise } = progress;
  return {
    id: promise.id,
    clientId: promise.clientId,
    taskId: promise.taskId,
    promisedOn: promise.promisedOn,
    promisedDate: promise.promisedDate,
    promisedAmount: promise.promisedAmount,
    currency: promise.currency,
    paid: progress.paid,
    status: promise.status,
    partlyKept: isPartlyKept(progress),
    resolvedOn: promise.resolvedOn,
    cancelReason: promise.cancelReason,
    createdAt: promise.createdAt.toISOString(),
  };
}
