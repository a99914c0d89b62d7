import { Body, Controller, Get, Param, ParseEnumPipe, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import { Roles } from '@ar/auth';
import { RATE_SERIES, RateSeries, ReferenceRatesService } from '@ar/collections';
import { DomainError } from '@ar/errors';
import { ApiPageResponse, ApiProblems } from '@ar/http';
import { PutReferenceRatesDto } from './dto/put-reference-rates.dto';
import { ReferenceRateSeriesResponse } from './reference-rate-series.response';

const SERIES_ENUM = Object.fromEntries(RATE_SERIES.map((s) => [s, s]));

@ApiTags('reference rates')
@ApiBearerAuth()
@Controller('reference-rates')
export class ReferenceRatesController {
  constructor(private readonly rates: ReferenceRatesService) {}

  @ApiPageResponse(ReferenceRateSeriesResponse)
  @Get()
  async list() {
    const table = await this.rates.table();
    return { data: RATE_SERIES.map((series) => ({ series, rates: table[series] })), nextCursor: null };
  }

  /** Replaces a series' dated history. */
  @ApiOkResponse({ type: ReferenceRateSeriesResponse })
  @ApiProblems(403, 404)
  @ApiParam({ name: 'series', enum: RATE_SERIES })
  @Put(':series')
  @Roles('admin')
  async replace(
    @Param('series', new ParseEnumPipe(SERIES_ENUM, { exceptionFactory: () => DomainError.notFound('Rate series') })) series: RateSeries,
    @Body() body: PutReferenceRatesDto,
  ) {
    return { series, rates: await this.rates.replace(series, body.rates) };
  }
}
