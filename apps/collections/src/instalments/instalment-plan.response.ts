import { ApiProperty } from '@nestjs/swagger';
import { PLAN_STATUSES, PlanView } from '@ar/collections';

class InstalmentProgressResponse {
  @ApiProperty({ format: 'date', example: '2026-05-01' }) dueOn: string;
  @ApiProperty({ description: 'minor units', example: 60000 }) amount: number;
  @ApiProperty({ description: 'covered so far, payments counting towards the instalments in order', example: 60000 }) paid: number;
  @ApiProperty({ enum: ['paid', 'partly_paid', 'due', 'missed'], example: 'paid' }) state: string;
}

export class InstalmentPlanResponse {
  @ApiProperty({ format: 'uuid', example: '0190a000-0000-7000-8000-00000000a101' }) id: string;
  @ApiProperty({ format: 'uuid', example: '0190a000-0000-7000-8000-000000000001' }) clientId: string;
  @ApiProperty({ example: 'EUR' }) currency: string;
  @ApiProperty({ type: [String], format: 'uuid', example: ['0190a000-0000-7000-8000-000000001001'] }) invoiceIds: string[];
  @ApiProperty({ description: 'what the invoices owed when it was agreed', example: 119000 }) total: number;
  @ApiProperty({ description: 'paid towards it since', example: 60000 }) paid: number;
  @ApiProperty({ example: 59000 }) outstanding: number;
  @ApiProperty({ type: [InstalmentProgressResponse] }) instalments: InstalmentProgressResponse[];
  @ApiProperty({ enum: PLAN_STATUSES, example: 'active' }) status: string;
  @ApiProperty({ nullable: true, type: String, example: null, description: 'why it ended' }) statusReason: string | null;
  @ApiProperty({ format: 'date', example: '2026-04-15' }) agreedOn: string;
  @ApiProperty({ nullable: true, type: String, format: 'date', example: null }) resolvedOn: string | null;
  @ApiProperty({ format: 'uuid', example: '0190a000-0000-7000-8000-0000000000a1' }) createdBy: string;
  @ApiProperty({ format: 'date-time', example: '2026-04-15T09:30:00.000Z' }) createdAt: string;
}

export function toInstalmentPlanResponse({ plan, progress }: PlanView): InstalmentPlanResponse {
  return {
    id: plan.id,
    clientId: plan.clientId,
    currency: plan.currency,
    invoiceIds: plan.invoiceIds,
    total: plan.total,
    paid: progress.paid,
    outstanding: progress.outstanding,
    instalments: progress.instalments.map((i) => ({ dueOn: i.dueOn, amount: i.amount, paid: i.paid, state: i.state })),
    status: plan.status,
    statusReason: plan.statusReason,
    agreedOn: plan.agreedOn,
    resolvedOn: plan.resolvedOn,
    createdBy: plan.createdBy,
    createdAt: plan.createdAt.toISOString(),
  };
}
