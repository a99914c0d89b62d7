import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { MANUAL_TASK_TYPES, ManualTaskType, TASK_OUTCOMES, TASK_STATUSES, TaskOutcome, TaskStatus } from '@ar/collections';
import { IsCalendarDate, IsMoneyAmount, PageQueryDto } from '@ar/http';

export class CompleteTaskDto {
  @ApiProperty({ enum: TASK_OUTCOMES })
  @IsIn(TASK_OUTCOMES)
  outcome: TaskOutcome;

  @ApiPropertyOptional({ example: '2026-03-15', description: 'required for promise_to_pay' })
  @IsOptional()
  @IsCalendarDate()
  promisedDate?: string;

  @ApiPropertyOptional({ example: 50000, description: 'minor units of the task currency; required for promise_to_pay' })
  @IsOptional()
  @IsMoneyAmount(1)
  promisedAmount?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  note?: string;
}

export class SnoozeTaskDto {
  @ApiProperty({ example: '2026-03-10' })
  @IsCalendarDate()
  until: string;
}

export class ListTasksQuery extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  assigneeId?: string;

  @ApiPropertyOptional({ enum: TASK_STATUSES })
  @IsOptional()
  @IsIn(TASK_STATUSES)
  status?: TaskStatus;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  clientId?: string;
}

export class CreateTaskDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  clientId: string;

  @ApiProperty({ enum: MANUAL_TASK_TYPES, example: 'follow_up' })
  @IsIn(MANUAL_TASK_TYPES)
  type: ManualTaskType;

  @ApiProperty({ format: 'date', example: '2026-04-20', description: 'today or later, within a year' })
  @IsCalendarDate()
  dueOn: string;

  @ApiProperty({ example: 'Call back about the payment run' })
  @IsString()
  @Length(1, 2000)
  note: string;
}

export class ReassignTaskDto {
  @ApiProperty({ format: 'uuid', description: 'a user who may see the client (an account manager must manage it or deputise for its manager today)' })
  @IsUUID()
  assigneeId: string;

  @ApiProperty({ example: 'Key account: the head of sales calls' })
  @IsString()
  @Length(1, 2000)
  reason: string;
}
