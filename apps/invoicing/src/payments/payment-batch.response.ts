import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DomainError, problemFor } from '@ar/errors';
import { ProblemResponse } from '@ar/http';
import { DuplicatePaymentError, PaymentView } from '@ar/invoicing';
import { PaymentResponse, toPaymentResponse } from './payment.response';

class BatchPaymentResultResponse {
  @ApiProperty({ example: 0, description: 'position in the request' }) index: number;
  @ApiProperty({ example: 'bank-2026-04-02-0001' }) externalId: string;
  @ApiProperty({ enum: ['applied', 'duplicate', 'failed'], example: 'applied' }) status: string;
  @ApiPropertyOptional({ type: PaymentResponse, description: 'when applied' }) payment?: PaymentResponse;
  @ApiPropertyOptional({ type: ProblemResponse, description: 'when failed: the problem a single POST /v1/payments would have answered' }) problem?: ProblemResponse;
}

export class PaymentBatchResponse {
  @ApiProperty({ example: 2 }) applied: number;
  @ApiProperty({ example: 1 }) duplicates: number;
  @ApiProperty({ example: 0 }) failed: number;
  @ApiProperty({ type: [BatchPaymentResultResponse] }) results: BatchPaymentResultResponse[];
}

export function toPaymentBatchResponse(externalIds: string[], results: (PaymentView | DomainError)[]): PaymentBatchResponse {
  const items = results.map((result, index): BatchPaymentResultResponse => {
    const externalId = externalIds[index];
    if (result instanceof DuplicatePaymentError) return { index, externalId, status: 'duplicate' };
    if (result instanceof DomainError) {
      return { index, externalId, status: 'failed', problem: problemFor(result.code, result.detail, result.errors ? { errors: result.errors } : {}) as ProblemResponse };
    }
    return { index, externalId, status: 'applied', payment: toPaymentResponse(result) };
  });
  const count = (status: string) => items.filter((i) => i.status === status).length;
  return { applied: count('applied'), duplicates: count('duplicate'), failed: count('failed'), results: items };
}
