import { ApiProperty } from '@nestjs/swagger';
import { Client, creditLimitOf } from '@ar/contracts';
import { MoneyDto } from '@ar/http';
import { BillingContactDto, PostalAddressDto } from './dto/correspondence.dto';

export class ClientResponse {
  @ApiProperty({ format: 'uuid', example: '0190a000-0000-7000-8000-000000000001' }) id: string;
  @ApiProperty({ example: 'Nordwind Logistik GmbH' }) name: string;
  @ApiProperty({ example: 'DE' }) country: string;
  @ApiProperty({ enum: ['business', 'consumer'], example: 'business' }) type: string;
  @ApiProperty({ nullable: true, type: String }) taxId: string | null;
  @ApiProperty({ nullable: true, type: String }) segment: string | null;
  @ApiProperty({ nullable: true, type: String }) language: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) accountManagerId: string | null;
  @ApiProperty({ nullable: true, type: MoneyDto }) creditLimit: MoneyDto | null;
  @ApiProperty({ enum: ['active', 'on_hold', 'blocked'] }) status: string;
  @ApiProperty({ nullable: true, enum: ['A', 'B', 'C', 'D'] }) riskClass: string | null;
  @ApiProperty({ nullable: true, type: String }) externalId: string | null;
  @ApiProperty({ type: [BillingContactDto] }) billingContacts: BillingContactDto[];
  @ApiProperty({ nullable: true, type: PostalAddressDto }) postalAddress: PostalAddressDto | null;
  @ApiProperty({ format: 'date-time', example: '2026-11-02T09:15:00.000Z' }) createdAt: string;
  @ApiProperty({ format: 'date-time', example: '2026-11-02T09:15:00.000Z' }) updatedAt: string;
}

export function toClientResponse(client: Client): ClientResponse {
  return {
    id: client.id,
    name: client.name,
    country: client.country,
    type: client.type,
    taxId: client.taxId,
    segment: client.segment,
    language: client.language,
    accountManagerId: client.accountManagerId,
    creditLimit: creditLimitOf(client),
    status: client.status,
    riskClass: client.riskClass,
    externalId: client.externalId,
    billingContacts: client.billingContacts.map((c) => ({ name: c.name, email: c.email, language: c.language ?? null })),
    postalAddress: client.postalAddress,
    createdAt: client.createdAt.toISOString(),
    updatedAt: client.updatedAt.toISOString(),
  };
}
