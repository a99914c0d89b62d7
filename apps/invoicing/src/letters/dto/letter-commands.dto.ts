import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { LETTER_STATUSES, LetterKind, LetterStatus, ON_DEMAND_LETTER_KINDS } from '@ar/invoicing';
import { IsCalendarDate, PageQueryDto } from '@ar/http';

export class CreateLetterDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  clientId: string;

  @ApiProperty({ enum: ON_DEMAND_LETTER_KINDS, example: 'reminder', description: 'statement: the account statement of from … to as a letter' })
  @IsIn(ON_DEMAND_LETTER_KINDS)
  kind: Exclude<LetterKind, 'courtesy'>;

  @ApiPropertyOptional({ format: 'date', example: '2026-01-01', description: 'statement only: first day (default: 1 January of this year)' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ format: 'date', example: '2026-03-31', description: 'statement only: last day (default: today)' })
  @IsOptional()
  @IsCalendarDate()
  to?: string;

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: "default: every overdue invoice of the client that owes something, in one currency" })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true })
  invoiceIds?: string[];

  @ApiPropertyOptional({ default: true, description: 'e-mail it to the first billing contact (else it is left as a draft to post)' })
  @IsOptional()
  @IsBoolean()
  send?: boolean;
}

export class ListLettersQuery extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  clientId?: string;

  @ApiPropertyOptional({ enum: LETTER_STATUSES })
  @IsOptional()
  @IsIn(LETTER_STATUSES)
  status?: LetterStatus;
}

export class PutLetterTemplateDto {
  @ApiProperty({ example: 'Zahlungserinnerung {{letter.number}}' })
  @IsString()
  @Length(1, 500)
  subject: string;

  @ApiProperty({ example: 'Sehr geehrte Damen und Herren,\n\nbitte zahlen Sie {{totals.due}} bis zum {{letter.payBy}}.' })
  @IsString()
  @Length(1, 20_000)
  body: string;
}
