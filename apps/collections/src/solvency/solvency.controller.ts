import { Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '@ar/auth';
import { SolvencyAssessment, SolvencyService } from '@ar/collections';
import { Idempotent, UuidParam } from '@ar/http';

function toAssessmentResponse(a: SolvencyAssessment) {
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

@ApiTags('solvency')
@ApiBearerAuth()
@Idempotent()
@Controller('clients/:id')
export class SolvencyController {
  constructor(private readonly solvency: SolvencyService) {}

  @Get('solvency')
  async latest(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam) id: string) {
    return toAssessmentResponse(await this.solvency.latest(principal, id));
  }

  @Post('solvency-checks')
  async check(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam) id: string) {
    return toAssessmentResponse(await this.solvency.checkNow(principal, id));
  }
}
