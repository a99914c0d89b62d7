import { ApiProperty } from '@nestjs/swagger';
import { Client, creditLimitOf } from '@ar/contracts';
import { MoneyDto } from '@ar/http';

export class ClientResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() country: string;
  @ApiProperty({ enum: ['business', 'consumer'] }) type: string;
  @ApiProperty({ nullable: true, type: String }) taxId: string | null;
  @ApiProperty({ nullable: true, type: String }) segment: string | null;
  @ApiProperty({ nullable: true, type: String }) language: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) accountManagerId: string | null;
  @ApiProperty({ nullable: true, type: MoneyDto }) creditLimit: MoneyDto | null;
  @ApiProperty({ enum: ['active', 'on_hold', 'blocked'] }) status: string;
  @ApiProperty({ nullable: true, enum: ['A', 'B', 'C', 'D'] }) riskClass: string | null;
  @ApiProperty({ nullable: true, type: String }) externalId: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
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
    createdAt: client.createdAt.toISOString(),
    updatedAt: client.updatedAt.toISOString(),
  };
}
