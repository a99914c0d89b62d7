import { ApiProperty } from '@nestjs/swagger';
import { SolvencyAssessment } from '@ar/collections';

/** One solvency assessment: the score, what it was computed from, and why (reasons). */
export class SolvencyAssessmentResponse {
  @ApiProperty({ format: 'uuid', example: '0190a000-0000-7000-8000-000000009001' }) id: string;
  @ApiProperty({ format: 'uuid', example: '0190a000-0000-7000-8000-000000000001' }) clientId: string;
  @ApiProperty({ format: 'date', example: '2026-04-15' }) asOf: string;
  @ApiProperty({ minimum: 0, maximum: 100, example: 38 }) score: number;
  @ApiProperty({ enum: ['A', 'B', 'C', 'D'], example: 'D' }) riskClass: string;
  @ApiProperty({ description: 'open receivables, minor units of currency', example: 250000 }) exposure: number;
  @ApiProperty({ nullable: true, type: Number, example: 5000000 }) creditLimit: number | null;
  @ApiProperty({ nullable: true, type: String, example: 'EUR' }) currency: string | null;
  @ApiProperty({ nullable: true, type: Number, description: 'exposure / credit limit', example: 0.05 }) utilization: number | null;
  @ApiProperty({ example: 200000 }) overdueAmount: number;
  @ApiProperty({ description: 'payment-weighted days late over the last year', example: 12.5 }) avgDaysLate: number;
  @ApiProperty({ example: 60 }) maxDaysOverdue: number;
  @ApiProperty({ example: 0 }) brokenPromises90d: number;
  @ApiProperty({ example: 0 }) openDisputes: number;
  @ApiProperty({ enum: ['ok', 'watch', 'hold', 'block'], example: 'block' }) decision: string;
  @ApiProperty({ type: [String], example: ['overdue share 80 % of exposure: -16', 'an invoice reached dunning level 4, which blocks the client'] }) reasons: string[];
  @ApiProperty({ format: 'date-time', example: '2026-04-15T06:00:30.000Z' }) createdAt: string;
}

export function toAssessmentResponse(a: SolvencyAssessment): SolvencyAssessmentResponse {
  return {
    id: a.id,
    clientId: a.clientId,
    asOf: a.asOf,
    score: a.score,
    riskClass: a.riskClass,
    exposure: a.exposure,
    creditLimit: a.creditLimit,
    currency: a.currency,
    utilization: a.utilization,
    overdueAmount: a.overdueAmount,
    avgDaysLate: a.avgDaysLate,
    maxDaysOverdue: a.maxDaysOverdue,
    brokenPromises90d: a.brokenPromises90d,
    openDisputes: a.openDisputes,
    decision: a.decision,
    reasons: a.reasons,
    createdAt: a.createdAt ? new Date(a.createdAt).toISOString() : new Date().toISOString(),
  };
}
