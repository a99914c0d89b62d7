import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '@ar/auth';
import { DunningPoliciesService, DunningPolicy } from '@ar/collections';
import { Idempotent } from '@ar/http';
import { CreateDunningPolicyDto } from './dto/create-dunning-policy.dto';

function toPolicyResponse(policy: DunningPolicy) {
  return {
    id: policy.id,
    name: policy.name,
    levels: (policy.levels ?? [])
      .sort((a, b) => a.level - b.level)
      .map((l) => ({ level: l.level, minDaysOverdue: l.minDaysOverdue, action: l.action, feeAmount: l.feeAmount, blockClient: l.blockClient })),
    createdAt: policy.createdAt.toISOString(),
  };
}

@ApiTags('dunning policies')
@ApiBearerAuth()
@Idempotent()
@Controller('dunning-policies')
export class DunningPoliciesController {
  constructor(private readonly policies: DunningPoliciesService) {}

  @Get()
  async list() {
    return { data: (await this.policies.list()).map(toPolicyResponse), nextCursor: null };
  }

  @Post()
  @Roles('admin', 'finance', 'head_of_sales')
  async create(@Body() body: CreateDunningPolicyDto) {
    const levels = body.levels.map((l) => ({ ...l, feeAmount: l.feeAmount ?? 0, blockClient: l.blockClient ?? false }));
    return toPolicyResponse(await this.policies.create(body.name, levels));
  }
}
