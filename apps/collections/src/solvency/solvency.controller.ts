import { Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '@ar/auth';
import { SolvencyService } from '@ar/collections';
import { ApiProblems, Idempotent, UuidParam } from '@ar/http';
import { SolvencyAssessmentResponse, toAssessmentResponse } from './solvency-assessment.response';

@ApiTags('solvency')
@ApiBearerAuth()
@Idempotent()
@Controller('clients/:id')
export class SolvencyController {
  constructor(private readonly solvency: SolvencyService) {}

  @ApiOkResponse({ type: SolvencyAssessmentResponse, description: 'The latest assessment' })
  @ApiProblems(404)
  @Get('solvency')
  async latest(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam) id: string) {
    return toAssessmentResponse(await this.solvency.latest(principal, id));
  }

  @ApiCreatedResponse({ type: SolvencyAssessmentResponse, description: 'A new assessment as of today; it blocks or unblocks like a sweep' })
  @ApiProblems(404)
  @Post('solvency-checks')
  async check(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam) id: string) {
    return toAssessmentResponse(await this.solvency.checkNow(principal, id));
  }
}
