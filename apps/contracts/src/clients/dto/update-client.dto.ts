import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsISO31661Alpha2, IsOptional, IsString, IsUUID, Length, ValidateNested } from 'class-validator';
import { CLIENT_STATUSES, CLIENT_TYPES, ClientStatus, ClientType, RISK_CLASSES, RiskClass } from '@ar/contracts';
import { IsOptionalNonNull, MoneyDto } from '@ar/http';
import { BillingContactDto, BillingContactsField, PostalAddressDto, PostalAddressField } from './correspondence.dto';

export class UpdateClientDto {
  @ApiPropertyOptional()
  @IsOptionalNonNull()
  @IsString()
  @Length(1, 200)
  name?: string;

  @ApiPropertyOptional()
  @IsOptionalNonNull()
  @IsISO31661Alpha2()
  country?: string;

  @ApiPropertyOptional({ enum: CLIENT_TYPES })
  @IsOptionalNonNull()
  @IsIn(CLIENT_TYPES)
  type?: ClientType;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  taxId?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  segment?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString()
  @Length(2, 16)
  language?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 255)
  externalId?: string | null;

  @ApiPropertyOptional({ format: 'uuid', description: 'admin and head_of_sales only' })
  @IsOptionalNonNull()
  @IsUUID()
  accountManagerId?: string;

  @ApiPropertyOptional({ type: MoneyDto, nullable: true, description: 'admin, head_of_sales and finance only; null removes the limit' })
  @IsOptional()
  @ValidateNested()
  @Type(() => MoneyDto)
  creditLimit?: MoneyDto | null;

  @ApiPropertyOptional({ enum: CLIENT_STATUSES, description: 'admin, head_of_sales and finance only' })
  @IsOptionalNonNull()
  @IsIn(CLIENT_STATUSES)
  status?: ClientStatus;

  @ApiPropertyOptional({ enum: RISK_CLASSES, nullable: true, description: 'admin, head_of_sales and finance only' })
  @IsOptional()
  @IsIn(RISK_CLASSES)
  riskClass?: RiskClass | null;

  @BillingContactsField(IsOptionalNonNull())
  billingContacts?: BillingContactDto[];

  @PostalAddressField()
  postalAddress?: PostalAddressDto | null;
}
