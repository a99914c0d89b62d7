import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { TASK_OUTCOMES, TASK_STATUSES, TaskOutcome, TaskStatus } from '@ar/collections';
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
