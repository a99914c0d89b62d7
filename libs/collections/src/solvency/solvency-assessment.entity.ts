import { Check, Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import { bigintColumn, decimalColumn } from '@ar/database';

export type RiskClass = 'A' | 'B' | 'C' | 'D';
export type SolvencyDecision = 'ok' | 'watch' | 'hold' | 'block';

/** What an assessment concluded, as both the history and each client's current row keep it. */
export abstract class AssessmentConclusion {
  @Column({ name: 'as_of', type: 'date' })
  asOf: string;

  @Column({ type: 'smallint' })
  score: number;

  @Column({ name: 'risk_class', type: 'char', length: 1 })
  riskClass: RiskClass;

  @Column({ type: 'varchar', length: 8 })
  decision: SolvencyDecision;
}

@Entity({ schema: 'collections', name: 'solvency_assessments' })
@Index('solvency_assessments_client_latest_idx', ['clientId', 'createdAt'])
@Check('solvency_assessments_decision_check', `decision IN ('ok', 'watch', 'hold', 'block')`)
export class SolvencyAssessment extends AssessmentConclusion {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'client_id', type: 'uuid' })
  clientId: string;

  @Column({ type: 'bigint', transformer: bigintColumn })
  exposure: number;

  @Column({ name: 'credit_limit', type: 'bigint', nullable: true, transformer: bigintColumn })
  creditLimit: number | null;

  @Column({ type: 'char', length: 3, nullable: true })
  currency: string | null;

  @Column({ type: 'numeric', precision: 9, scale: 4, nullable: true, transformer: decimalColumn })
  utilization: number | null;

  @Column({ name: 'overdue_amount', type: 'bigint', transformer: bigintColumn })
  overdueAmount: number;

  @Column({ name: 'avg_days_late', type: 'numeric', precision: 9, scale: 2, transformer: decimalColumn })
  avgDaysLate: number;

  @Column({ name: 'max_days_overdue', type: 'integer' })
  maxDaysOverdue: number;

  @Column({ name: 'broken_promises_90d', type: 'integer' })
  brokenPromises90d: number;

  @Column({ name: 'open_disputes', type: 'integer' })
  openDisputes: number;

  @Column({ type: 'jsonb' })
  reasons: string[];

  /** Whether this assessment blocked the client (only such a block is lifted by a later ok or watch). */
  @Column({ name: 'blocked_client', type: 'boolean', default: false })
  blockedClient: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
