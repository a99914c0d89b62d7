import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '@ar/auth';
import { ActivitiesService } from '@ar/collections';
import { ApiPageResponse, ApiProblems, Idempotent, PageQueryDto, UuidParam } from '@ar/http';
import { RecordActivityDto } from './dto/record-activity.dto';
import { ActivityResponse, toActivityResponse } from './activity.response';

/** A client's contact history: what managers recorded and what the system did, newest first. */
@ApiTags('activities')
@ApiBearerAuth()
@Idempotent()
@Controller('clients/:clientId/activities')
export class ActivitiesController {
  constructor(private readonly activities: ActivitiesService) {}

  @ApiCreatedResponse({ type: ActivityResponse })
  @ApiProblems(404, 422)
  @Post()
  async record(@CurrentPrincipal() principal: Principal, @Param('clientId', UuidParam) clientId: string, @Body() body: RecordActivityDto) {
    return toActivityResponse(await this.activities.record(principal, clientId, body));
  }

  @ApiPageResponse(ActivityResponse)
  @ApiProblems(404)
  @Get()
  async list(@CurrentPrincipal() principal: Principal, @Param('clientId', UuidParam) clientId: string, @Query() query: PageQueryDto) {
    const page = await this.activities.list(principal, clientId, query.limit, query.cursor);
    return { data: page.data.map(toActivityResponse), nextCursor: page.nextCursor };
  }
}
