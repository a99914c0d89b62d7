import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { bigintColumn } from '@ar/database';
import { DunningPolicy } from './dunning-policy.entity';

export const DUNNING_ACTIONS = ['reminder', 'final_notice', 'legal_handover'] as const;
export type DunningAction = (typeof DUNNING_ACTIONS)[number];
/** What a level sends the debtor besides the manager's task: nothing, its letter by e-mail, or its letter to post. */
export const LETTER_CHANNELS = ['none', 'email', 'post'] as const;
export type LetterChannelChoice = (typeof LETTER_CHANNELS)[number];

@Entity({ schema: 'collections', name: 'dunning_policy_levels' })
@Check('dunning_policy_levels_level_check', 'level BETWEEN 1 AND 10')
@Check('dunning_policy_levels_days_check', 'min_days_overdue >= 1')
@Check('dunning_policy_levels_action_check', `action IN ('reminder', 'final_notice', 'legal_handover')`)
@Check('dunning_policy_levels_letter_check', `letter IN ('none', 'email', 'post')`)
@Check('dunning_policy_levels_pay_within_days_check', 'pay_within_days BETWEEN 1 AND 90')
export class DunningPolicyLevel {
  @PrimaryColumn({ name: 'policy_id', type: 'uuid' })
  policyId: string;

  @PrimaryColumn({ type: 'smallint' })
  level: number;

  @ManyToOne(() => DunningPolicy, (p) => p.levels, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'policy_id', foreignKeyConstraintName: 'dunning_policy_levels_policy_id_fkey' })
  policy?: DunningPolicy;

  @Column({ name: 'min_days_overdue', type: 'integer' })
  minDaysOverdue: number;

  @Column({ type: 'varchar', length: 32 })
  action: DunningAction;

  /** Dunning fee in minor units of the invoice currency, charged once when the level is reached. */
  @Column({ name: 'fee_amount', type: 'bigint', default: 0, transformer: bigintColumn })
  feeAmount: number;

  @Column({ name: 'block_client', type: 'boolean', default: false })
  blockClient: boolean;

  @Column({ type: 'varchar', length: 8, default: 'none' })
  letter: LetterChannelChoice;

  /** Days from the letter's date to its pay-by date. */
  @Column({ name: 'pay_within_days', type: 'smallint', default: 14 })
  payWithinDays: number;
}
