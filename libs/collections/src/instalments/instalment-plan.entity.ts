import { Check, Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import { bigintColumn } from '@ar/database';

export const PLAN_STATUSES = ['active', 'completed', 'broken', 'cancelled'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

export interface Instalment {
  dueOn: string;
  amount: number;
}

/**
 * An agreement to pay some overdue invoices in instalments. While it is active dunning of those invoices is held;
 * what the client pays on them counts towards the instalments in order; a missed instalment (after the tolerance)
 * breaks it and dunning resumes from where it stood.
 */
@Entity({ schema: 'collections', name: 'instalment_plans' })
@Index('instalment_plans_client_idx', ['clientId', 'status'])
@Check('instalment_plans_status_check', `status IN ('active', 'completed', 'broken', 'cancelled')`)
export class InstalmentPlan {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'client_id', type: 'uuid' })
  clientId: string;

  @Column({ type: 'char', length: 3 })
  currency: string;

  @Column({ name: 'invoice_ids', type: 'uuid', array: true })
  invoiceIds: string[];

  /** What the invoices owed when the plan was agreed: the sum of the instalments. */
  @Column({ type: 'bigint', transformer: bigintColumn })
  total: number;

  @Column({ type: 'jsonb' })
  instalments: Instalment[];

  @Column({ type: 'varchar', length: 16, default: 'active' })
  status: PlanStatus;

  @Column({ name: 'agreed_on', type: 'date' })
  agreedOn: string;

  @Column({ name: 'resolved_on', type: 'date', nullable: true })
  resolvedOn: string | null;

  @Column({ name: 'status_reason', type: 'varchar', length: 2000, nullable: true })
  statusReason: string | null;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
