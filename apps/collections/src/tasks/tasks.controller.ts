import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '@ar/auth';
import { Task, TasksService } from '@ar/collections';
import { Idempotent, UuidParam } from '@ar/http';
import { CompleteTaskDto, ListTasksQuery, SnoozeTaskDto } from './dto/task-commands.dto';

export function toTaskResponse(task: Task) {
  return {
    id: task.id,
    clientId: task.clientId,
    assigneeId: task.assigneeId,
    type: task.type,
    dunningLevel: task.dunningLevel,
    invoiceIds: task.invoiceIds,
    amountOverdue: task.amountOverdue,
    currency: task.currency,
    priority: task.priority,
    dueOn: task.dueOn,
    status: task.status,
    outcome: task.outcome,
    note: task.note,
    snoozedUntil: task.snoozedUntil,
    createdAt: task.createdAt.toISOString(),
    completedAt: task.completedAt?.toISOString() ?? null,
  };
}

@ApiTags('tasks')
@ApiBearerAuth()
@Idempotent()
@Controller('tasks')
export class TasksController {
  constructor(private readonly tasks: TasksService) {}

  /** Sorted by priority: the most valuable call first. */
  @Get()
  async list(@CurrentPrincipal() principal: Principal, @Query() query: ListTasksQuery) {
    const { limit, cursor, ...filters } = query;
    const page = await this.tasks.list(principal, filters, limit, cursor);
    return { data: page.data.map(toTaskResponse), nextCursor: page.nextCursor };
  }

  @Get(':id')
  async get(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam) id: string) {
    return toTaskResponse(await this.tasks.get(principal, id));
  }

  @Post(':id/complete')
  @HttpCode(200)
  async complete(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam) id: string, @Body() body: CompleteTaskDto) {
    return toTaskResponse(await this.tasks.complete(principal, id, body));
  }

  @Post(':id/snooze')
  @HttpCode(200)
  async snooze(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam) id: string, @Body() body: SnoozeTaskDto) {
    return toTaskResponse(await this.tasks.snooze(principal, id, body.until));
  }
}
