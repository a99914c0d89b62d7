import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

class FieldProblemResponse {
  @ApiProperty({ example: 'lines[0].quantity' }) path: string;
  @ApiProperty({ example: 'quantity must be a positive number' }) message: string;
}

/** RFC 9457 problem details, as every error of the API answers (`application/problem+json`). */
export class ProblemResponse {
  @ApiProperty({ example: 'https://ar-followup.dev/problems/validation_failed' }) type: string;
  @ApiProperty({ example: 'Request body or parameters are invalid' }) title: string;
  @ApiProperty({ example: 400 }) status: number;
  @ApiProperty({ example: 'lines[0].quantity: quantity must be a positive number' }) detail: string;
  @ApiProperty({
    example: 'validation_failed',
    enum: ['validation_failed', 'malformed_request', 'unauthenticated', 'forbidden', 'not_found', 'conflict', 'invalid_transition',
      'idempotency_in_flight', 'idempotency_key_reused', 'business_rule_violated', 'payload_too_large', 'rate_limited', 'service_unavailable', 'internal_error'],
  })
  code: string;
  @ApiPropertyOptional({ format: 'uuid' }) requestId?: string;
  @ApiPropertyOptional({ type: [FieldProblemResponse] }) errors?: FieldProblemResponse[];
}
