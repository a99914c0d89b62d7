import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '@ar/auth';
import { SweepsService } from '@ar/collections';
import { ApiProblems, Idempotent, UuidParam } from '@ar/http';
import { CreateSweepDto } from './dto/create-sweep.dto';
import { SweepResponse, toSweepResponse } from './sweep.response';

@ApiTags('sweeps')
@ApiBearerAuth()
@Idempotent()
@Controller('sweeps')
export class SweepsController {
  constructor(private readonly sweeps: SweepsService) {}

  @ApiAcceptedResponse({ type: SweepResponse, description: 'The sweep of that date, queued (or as it stands when it was asked for before)' })
  @ApiProblems(403, 409, 422)
  @Post()
  @HttpCode(202)
  @Roles('admin', 'finance')
  async create(@Body() body: CreateSweepDto) {
    return toSweepResponse(await this.sweeps.request(body.asOf));
  }

  @ApiOkResponse({ type: SweepResponse })
  @ApiProblems(403, 404)
  @Get(':id')
  @Roles('admin', 'finance', 'head_of_sales')
  async get(@Param('id', UuidParam) id: string) {
    return toSweepResponse(await this.sweeps.get(id));
  }
}
