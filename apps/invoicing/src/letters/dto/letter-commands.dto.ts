import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { LETTER_STATUSES, LetterStatus } from '@ar/invoicing';
import { PageQueryDto } from '@ar/http';

export const DUNNING_LETTER_KINDS = ['reminder', 'final_notice', 'pre_trial_claim'] as const;

export class CreateLetterDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  clientId: string;

  @ApiProperty({ enum: DUNNING_LETTER_KINDS, example: 'reminder' })
  @IsIn(DUNNING_LETTER_KINDS)
  kind: (typeof DUNNING_LETTER_KINDS)[number];

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
