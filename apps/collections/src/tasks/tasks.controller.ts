import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '@ar/auth';
import { TasksService } from '@ar/collections';
import { ApiPageResponse, ApiProblems, Idempotent, UuidParam } from '@ar/http';
import { CompleteTaskDto, ListTasksQuery, SnoozeTaskDto } from './dto/task-commands.dto';
import { TaskResponse, toTaskResponse } from './task.response';

@ApiTags('tasks')
@ApiBearerAuth()
@Idempotent()
@Controller('tasks')
export class TasksController {
  constructor(private readonly tasks: TasksService) {}

  /** Sorted by priority: the most valuable call first. */
  @ApiPageResponse(TaskResponse)
  @Get()
  async list(@CurrentPrincipal() principal: Principal, @Query() query: ListTasksQuery) {
    const { limit, cursor, ...filters } = query;
    const page = await this.tasks.list(principal, filters, limit, cursor);
    return { data: page.data.map(toTaskResponse), nextCursor: page.nextCursor };
  }

  @ApiOkResponse({ type: TaskResponse })
  @ApiProblems(404)
  @Get(':id')
  async get(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam) id: string) {
    return toTaskResponse(await this.tasks.get(principal, id));
  }

  @ApiOkResponse({ type: TaskResponse })
  @ApiProblems(404, 409, 422)
  @Post(':id/complete')
  @HttpCode(200)
  async complete(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam) id: string, @Body() body: CompleteTaskDto) {
    return toTaskResponse(await this.tasks.complete(principal, id, body));
  }

  @ApiOkResponse({ type: TaskResponse })
  @ApiProblems(404, 409, 422)
  @Post(':id/snooze')
  @HttpCode(200)
  async snooze(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam) id: string, @Body() body: SnoozeTaskDto) {
    return toTaskResponse(await this.tasks.snooze(principal, id, body.until));
  }
}
