import { ApiProperty } from '@nestjs/swagger';
import { Integration } from '@ar/invoicing';

const SECRET_EXAMPLE = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';

export class IntegrationResponse {
  @ApiProperty({ format: 'uuid', example: '0190a000-0000-7000-8000-000000004001' }) id: string;
  @ApiProperty({ example: 'ERP (SAP FI)' }) name: string;
  @ApiProperty({ format: 'date-time', example: '2026-01-15T10:00:00.000Z' }) createdAt: string;
}

/** Answered on creation only: the signing secret is never shown again. */
export class CreatedIntegrationResponse extends IntegrationResponse {
  @ApiProperty({ description: 'Standard Webhooks signing secret', example: SECRET_EXAMPLE }) secret: string;
}

/** The new secret; the previous one keeps verifying for a grace period. */
export class RotatedSecretResponse {
  @ApiProperty({ format: 'uuid', example: '0190a000-0000-7000-8000-000000004001' }) id: string;
  @ApiProperty({ example: SECRET_EXAMPLE }) secret: string;
}

export function toIntegrationResponse(integration: Integration): IntegrationResponse {
  return { id: integration.id, name: integration.name, createdAt: integration.createdAt.toISOString() };
}
