import { ApiProperty } from '@nestjs/swagger';
import { Task, TASK_TYPES, TaskReassignment } from '@ar/collections';

export class TaskResponse {
  @ApiProperty({ format: 'uuid', example: '0190a000-0000-7000-8000-000000006001' }) id: string;
  @ApiProperty({ format: 'uuid', example: '0190a000-0000-7000-8000-000000000001' }) clientId: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', example: '0190a000-0000-7000-8000-0000000000a1' }) assigneeId: string | null;
  @ApiProperty({ enum: TASK_TYPES, example: 'reminder' }) type: string;
  @ApiProperty({ example: 1 }) dunningLevel: number;
  @ApiProperty({ type: [String], format: 'uuid', example: ['0190a000-0000-7000-8000-000000001001'] }) invoiceIds: string[];
  @ApiProperty({ description: 'minor units', example: 119000 }) amountOverdue: number;
  @ApiProperty({ nullable: true, type: String, example: 'EUR' }) currency: string | null;
  @ApiProperty({ description: 'higher means call first', example: 71 }) priority: number;
  @ApiProperty({ format: 'date', example: '2026-04-15' }) dueOn: string;
  @ApiProperty({ enum: ['open', 'snoozed', 'done', 'cancelled'], example: 'open' }) status: string;
  @ApiProperty({ nullable: true, type: String, example: null }) outcome: string | null;
  @ApiProperty({ nullable: true, type: String, example: null }) note: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date', example: null }) snoozedUntil: string | null;
  @ApiProperty({ format: 'date-time', example: '2026-04-15T06:00:12.000Z' }) createdAt: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', example: null }) completedAt: string | null;
  @ApiProperty({ description: 'assigned by a person (a follow-up, a reassignment): the daily hand-over to manager or deputy leaves it alone', example: false })
  assignmentPinned: boolean;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', example: null, description: 'who created it by hand; null for the system' }) createdBy: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', example: null, description: 'a contract_renewal task: the contract' }) contractId: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date', example: null, description: 'a contract_renewal task: the end date it is about' })
  contractEndsOn: string | null;
}

export class TaskReassignmentResponse {
  @ApiProperty({ format: 'uuid', example: '0190a000-0000-7000-8000-00000000d001' }) id: string;
  @ApiProperty({ format: 'uuid', example: '0190a000-0000-7000-8000-000000006001' }) taskId: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', example: '0190a000-0000-7000-8000-0000000000a1' }) fromAssigneeId: string | null;
  @ApiProperty({ format: 'uuid', example: '0190a000-0000-7000-8000-0000000000a2' }) toAssigneeId: string;
  @ApiProperty({ example: 'Key account: the head of sales calls' }) reason: string;
  @ApiProperty({ format: 'uuid', example: '0190a000-0000-7000-8000-0000000000b1' }) reassignedBy: string;
  @ApiProperty({ format: 'date-time', example: '2026-04-15T09:30:00.000Z' }) reassignedAt: string;
}

export function toTaskReassignmentResponse(r: TaskReassignment): TaskReassignmentResponse {
  return { id: r.id, taskId: r.taskId, fromAssigneeId: r.fromAssigneeId, toAssigneeId: r.toAssigneeId, reason: r.reason, reassignedBy: r.reassignedBy, reassignedAt: r.reassignedAt.toISOString() };
}

export function toTaskResponse(task: Task): TaskResponse {
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
    assignmentPinned: task.assignmentPinned,
    createdBy: task.createdBy,
    contractId: task.contractId,
    contractEndsOn: task.contractEndsOn,
  };
}
