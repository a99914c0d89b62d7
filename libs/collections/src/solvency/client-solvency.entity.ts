import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { AssessmentConclusion } from './solvency-assessment.entity';

/**
 * Each client's latest assessment, kept beside the append-only history so that "the current risk class"
 * and "who is blocked" are one row per client to read, however many sweeps the history holds.
 */
@Entity({ schema: 'collections', name: 'client_solvency' })
export class ClientSolvency extends AssessmentConclusion {
  @PrimaryColumn({ name: 'client_id', type: 'uuid' })
  clientId: string;

  @Column({ name: 'assessment_id', type: 'uuid' })
  assessmentId: string;

  @Column({ name: 'blocked_client', type: 'boolean' })
  blockedClient: boolean;

  /** When the latest assessment was made (the history's created_at). */
  @Column({ name: 'assessed_at', type: 'timestamptz' })
  assessedAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
