import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsUUID } from 'class-validator';
import { INVOICE_STATUSES, InvoiceStatus } from '@ar/invoicing';
import { IsCalendarDate, PageQueryDto } from '@ar/http';

export class ListInvoicesQuery extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  clientId?: string;

  @ApiPropertyOptional({ enum: INVOICE_STATUSES })
  @IsOptional()
  @IsIn(INVOICE_STATUSES)
  status?: InvoiceStatus;

  @ApiPropertyOptional({ type: Boolean })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  overdue?: boolean;

  @ApiPropertyOptional({ format: 'date', example: '2026-01-01', description: 'issued on or after this date' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ format: 'date', example: '2026-03-31', description: 'issued on or before this date' })
  @IsOptional()
  @IsCalendarDate()
  to?: string;

  @ApiPropertyOptional({ format: 'uuid', description: "invoices of this account manager's clients" })
  @IsOptional()
  @IsUUID()
  accountManagerId?: string;

  @ApiPropertyOptional({ example: '2026-12-15', description: 'evaluate overdue and daysOverdue for this date (default today)' })
  @IsOptional()
  @IsCalendarDate()
  asOf?: string;
}

export class AsOfQuery {
  @ApiPropertyOptional({ example: '2026-12-15' })
  @IsOptional()
  @IsCalendarDate()
  asOf?: string;
}
