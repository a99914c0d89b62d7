import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@ar/auth';
import { ManualTasksService, TasksService } from '@ar/collections';
import { ApiPageResponse, ApiProblems, Idempotent, UuidParam } from '@ar/http';
import { CompleteTaskDto, CreateTaskDto, ListTasksQuery, ReassignTaskDto, SnoozeTaskDto } from './dto/task-commands.dto';
import { TaskReassignmentResponse, TaskResponse, toTaskReassignmentResponse, toTaskResponse } from './task.response';

@ApiTags('tasks')
@ApiBearerAuth()
@Idempotent()
@Controller('tasks')
export class TasksController {
  constructor(
    private readonly tasks: TasksService,
    private readonly manualTasks: ManualTasksService,
  ) {}

  /** A follow-up for a client the caller sees, assigned to the caller (their deputy if they are away on its date). */
  @ApiCreatedResponse({ type: TaskResponse })
  @ApiProblems(404, 422)
  @Post()
  async create(@CurrentPrincipal() principal: Principal, @Body() body: CreateTaskDto) {
    return toTaskResponse(await this.manualTasks.createFollowUp(principal, body));
  }

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

  @ApiOkResponse({ type: TaskResponse })
  @ApiProblems(403, 404, 409, 422)
  @Post(':id/reassign')
  @HttpCode(200)
  @Roles('head_of_sales', 'admin')
  async reassign(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam) id: string, @Body() body: ReassignTaskDto) {
    return toTaskResponse(await this.manualTasks.reassign(principal, id, body));
  }

  /** The audit of the task's hand-overs by hand, oldest first. */
  @ApiOkResponse({ type: [TaskReassignmentResponse] })
  @ApiProblems(404)
  @Get(':id/reassignments')
  async reassignments(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam) id: string) {
    return { data: (await this.manualTasks.reassignments(principal, id)).map(toTaskReassignmentResponse), nextCursor: null };
  }
}
