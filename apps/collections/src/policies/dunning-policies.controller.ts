import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '@ar/auth';
import { DunningPoliciesService } from '@ar/collections';
import { ApiPageResponse, ApiProblems, Idempotent } from '@ar/http';
import { CreateDunningPolicyDto } from './dto/create-dunning-policy.dto';
import { DunningPolicyResponse, toPolicyResponse } from './dunning-policy.response';

@ApiTags('dunning policies')
@ApiBearerAuth()
@Idempotent()
@Controller('dunning-policies')
export class DunningPoliciesController {
  constructor(private readonly policies: DunningPoliciesService) {}

  @ApiPageResponse(DunningPolicyResponse)
  @Get()
  async list() {
    return { data: (await this.policies.list()).map(toPolicyResponse), nextCursor: null };
  }

  @ApiCreatedResponse({ type: DunningPolicyResponse })
  @ApiProblems(403, 409, 422)
  @Post()
  @Roles('admin', 'finance', 'head_of_sales')
  async create(@Body() body: CreateDunningPolicyDto) {
    const levels = body.levels.map((l) => ({ ...l, feeAmount: l.feeAmount ?? 0, blockClient: l.blockClient ?? false, letter: l.letter ?? ('none' as const), payWithinDays: l.payWithinDays ?? 14 }));
    return toPolicyResponse(await this.policies.create(body.name, levels, { minimumAmounts: body.minimumAmounts ?? [], courtesyDaysBeforeDue: body.courtesyDaysBeforeDue ?? null }));
  }
}
