import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsIn, IsOptional, IsString, IsUUID, Length, ValidateNested } from 'class-validator';
import { PLAN_STATUSES, PlanStatus } from '@ar/collections';
import { IsCalendarDate, IsMoneyAmount, PageQueryDto } from '@ar/http';

export class InstalmentDto {
  @ApiProperty({ format: 'date', example: '2026-05-01' })
  @IsCalendarDate()
  dueOn: string;

  @ApiProperty({ description: 'minor units', example: 60000 })
  @IsMoneyAmount(1)
  amount: number;
}

export class CreateInstalmentPlanDto {
  @ApiProperty({ type: [String], format: 'uuid', description: "open invoices of the client, in one currency, in no other active plan" })
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @IsUUID(undefined, { each: true })
  invoiceIds: string[];

  @ApiProperty({ type: [InstalmentDto], description: 'due dates ascending from today, amounts adding up to what the invoices owe' })
  @ArrayMinSize(1)
  @ArrayMaxSize(60)
  @ValidateNested({ each: true })
  @Type(() => InstalmentDto)
  instalments: InstalmentDto[];
}

export class CancelInstalmentPlanDto {
  @ApiProperty({ example: 'Client pays everything at once after all' })
  @IsString()
  @Length(1, 2000)
  reason: string;
}

export class ListInstalmentPlansQuery extends PageQueryDto {
  @ApiPropertyOptional({ enum: PLAN_STATUSES })
  @IsOptional()
  @IsIn(PLAN_STATUSES)
  status?: PlanStatus;
}
