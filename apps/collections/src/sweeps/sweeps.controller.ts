import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '@ar/auth';
import { Sweep, SweepsService } from '@ar/collections';
import { Idempotent, UuidParam } from '@ar/http';
import { CreateSweepDto } from './dto/create-sweep.dto';

function toSweepResponse(sweep: Sweep) {
  return {
    id: sweep.id,
    asOf: sweep.asOf,
    status: sweep.status,
    startedAt: sweep.startedAt?.toISOString() ?? null,
    finishedAt: sweep.finishedAt?.toISOString() ?? null,
    stats: sweep.stats,
    error: sweep.error,
  };
}

@ApiTags('sweeps')
@ApiBearerAuth()
@Idempotent()
@Controller('sweeps')
export class SweepsController {
  constructor(private readonly sweeps: SweepsService) {}

  @Post()
  @HttpCode(202)
  @Roles('admin', 'finance')
  async create(@Body() body: CreateSweepDto) {
    return toSweepResponse(await this.sweeps.request(body.asOf));
  }

  @Get(':id')
  @Roles('admin', 'finance', 'head_of_sales')
  async get(@Param('id', UuidParam) id: string) {
    return toSweepResponse(await this.sweeps.get(id));
  }
}
