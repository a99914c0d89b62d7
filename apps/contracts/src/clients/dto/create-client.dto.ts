import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsISO31661Alpha2, IsOptional, IsString, IsUUID, Length, ValidateNested } from 'class-validator';
import { CLIENT_TYPES, ClientType } from '@ar/contracts';
import { MoneyDto } from '@ar/http';
import { BillingContactDto, BillingContactsField, PostalAddressDto, PostalAddressField } from './correspondence.dto';

export class CreateClientDto {
  @ApiProperty({ example: 'Muster GmbH' })
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiProperty({ example: 'DE', description: 'ISO 3166-1 alpha-2' })
  @IsISO31661Alpha2()
  country: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  accountManagerId: string;

  @ApiPropertyOptional({ enum: CLIENT_TYPES, default: 'business' })
  @IsOptional()
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

  @ApiPropertyOptional({ type: String, nullable: true, example: 'de' })
  @IsOptional()
  @IsString()
  @Length(2, 16)
  language?: string | null;

  @ApiPropertyOptional({ type: MoneyDto, nullable: true, description: 'admin, head_of_sales and finance only' })
  @IsOptional()
  @ValidateNested()
  @Type(() => MoneyDto)
  creditLimit?: MoneyDto | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'the id of this client in the finance system' })
  @IsOptional()
  @IsString()
  @Length(1, 255)
  externalId?: string | null;

  @BillingContactsField(IsOptional())
  billingContacts?: BillingContactDto[];

  @PostalAddressField()
  postalAddress?: PostalAddressDto | null;
}
