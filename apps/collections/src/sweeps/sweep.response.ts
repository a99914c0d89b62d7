import { ApiProperty } from '@nestjs/swagger';
import { Sweep } from '@ar/collections';

class SweepStatsResponse {
  @ApiProperty({ example: 200000 }) invoicesScanned: number;
  @ApiProperty({ example: 33334 }) newlyOverdue: number;
  @ApiProperty({ example: 8333 }) levelChanges: number;
  @ApiProperty({ example: 1250 }) tasksCreated: number;
  @ApiProperty({ example: 12 }) tasksCancelled: number;
  @ApiProperty({ example: 15000 }) clientsAssessed: number;
  @ApiProperty({ example: 3 }) clientsBlocked: number;
  @ApiProperty({ example: 1 }) clientsUnblocked: number;
}

export class SweepResponse {
  @ApiProperty({ format: 'uuid', example: '0190a000-0000-7000-8000-000000007001' }) id: string;
  @ApiProperty({ format: 'date', example: '2026-04-15' }) asOf: string;
  @ApiProperty({ enum: ['queued', 'running', 'completed', 'failed'], example: 'completed' }) status: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', example: '2026-04-15T06:00:00.000Z' }) startedAt: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', example: '2026-04-15T06:00:41.000Z' }) finishedAt: string | null;
  @ApiProperty({ type: SweepStatsResponse }) stats: SweepStatsResponse;
  @ApiProperty({ nullable: true, type: String, example: null }) error: string | null;
}

export function toSweepResponse(sweep: Sweep): SweepResponse {
  return {
    id: sweep.id,
    asOf: sweep.asOf,
    status: sweep.status,
    startedAt: sweep.startedAt?.toISOString() ?? null,
    finishedAt: sweep.finishedAt?.toISOString() ?? null,
    stats: sweep.stats as SweepResponse['stats'],
    error: sweep.error,
  };
}
