import { ApiProperty } from '@nestjs/swagger';
import { Activity, ACTIVITY_KINDS } from '@ar/collections';

export class ActivityResponse {
  @ApiProperty({ format: 'uuid', example: '0190a000-0000-7000-8000-00000000c001' }) id: string;
  @ApiProperty({ format: 'uuid', example: '0190a000-0000-7000-8000-000000000001' }) clientId: string;
  @ApiProperty({ enum: ACTIVITY_KINDS, example: 'call', description: 'call, email, letter, meeting, note by a person; the others written by the system' }) kind: string;
  @ApiProperty({ nullable: true, type: String, example: 'reached the CFO' }) outcome: string | null;
  @ApiProperty({ example: 'Invoice 2026-000123 is approved; payment run on Friday.' }) note: string;
  @ApiProperty({ format: 'date-time', example: '2026-04-15T09:30:00.000Z' }) occurredAt: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', example: '0190a000-0000-7000-8000-0000000000a1', description: 'null when the system wrote it' }) authorId: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', example: null, description: 'the task, letter, promise, hold or reassignment a system entry is about' }) subjectId: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date', example: '2026-04-20' }) followUpOn: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', example: '0190a000-0000-7000-8000-000000006002' }) followUpTaskId: string | null;
  @ApiProperty({ format: 'date-time', example: '2026-04-15T09:31:02.000Z' }) createdAt: string;
}

export function toActivityResponse(activity: Activity): ActivityResponse {
  return {
    id: activity.id,
    clientId: activity.clientId,
    kind: activity.kind,
    outcome: activity.outcome,
    note: activity.note,
    occurredAt: activity.occurredAt.toISOString(),
    authorId: activity.authorId,
    subjectId: activity.subjectId,
    followUpOn: activity.followUpOn,
    followUpTaskId: activity.followUpTaskId,
    createdAt: activity.createdAt.toISOString(),
  };
}
