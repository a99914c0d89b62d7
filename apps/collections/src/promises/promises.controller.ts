import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '@ar/auth';
import { PromisesService } from '@ar/collections';
import { ApiPageResponse, ApiProblems, Idempotent, UuidParam } from '@ar/http';
import { CancelPromiseDto, ListPromisesQuery } from './dto/promise.dto';
import { PromiseResponse, toPromiseResponse } from './promise.response';

/** Promises to pay made when completing a task: followed with what was paid, cancelled by hand. */
@ApiTags('promises')
@ApiBearerAuth()
@Idempotent()
@Controller('promises')
export class PromisesController {
  constructor(private readonly promises: PromisesService) {}

  @ApiPageResponse(PromiseResponse)
  @Get()
  async list(@CurrentPrincipal() principal: Principal, @Query() query: ListPromisesQuery) {
    const { limit, cursor, ...filters } = query;
    const page = await this.promises.list(principal, filters, limit, cursor);
    return { data: page.data.map(toPromiseResponse), nextCursor: page.nextCursor };
  }

  @ApiOkResponse({ type: PromiseResponse })
  @ApiProblems(404)
  @Get(':id')
  async get(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam) id: string) {
    return toPromiseResponse(await this.promises.get(principal, id));
  }

  @ApiOkResponse({ type: PromiseResponse })
  @ApiProblems(404, 409)
  @Post(':id/cancel')
  @HttpCode(200)
  async cancel(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam) id: string, @Body() body: CancelPromiseDto) {
    return toPromiseResponse(await this.promises.cancel(principal, id, body.reason));
  }
}
