import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { Client } from '../clients/client.entity';
import type { InterestRule as LateInterestRule } from '@ar/claims';
import { decimalColumn } from '@ar/database';
import type { VolumeDiscountTerms } from '@ar/money';

export const CONTRACT_STATUSES = ['draft', 'active', 'suspended', 'terminated', 'expired'] as const;
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];
// The rules themselves live in @ar/claims, with the rule of each.
export { INTEREST_RULES as LATE_INTEREST_RULES, type InterestRule as LateInterestRule } from '@ar/claims';

@Entity({ schema: 'contracts', name: 'contracts' })
@Index('contracts_client_id_number_key', ['clientId', 'number'], { unique: true })
// The daily run finds running contracts by their end date.
@Index('contracts_ends_on_idx', ['endsOn'], { where: `status IN ('active', 'suspended') AND ends_on IS NOT NULL` })
@Check('contracts_status_check', `status IN ('draft', 'active', 'suspended', 'terminated', 'expired')`)
@Check('contracts_renewal_term_months_check', `renewal_term_months BETWEEN 1 AND 120`)
@Check('contracts_renewal_notice_days_check', `renewal_notice_days BETWEEN 0 AND 365`)
@Check('contracts_payment_term_days_check', `payment_term_days BETWEEN 0 AND 365`)
@Check('contracts_period_check', `ends_on IS NULL OR ends_on >= starts_on`)
@Check(
  'contracts_late_interest_rule_check',
  `late_interest_rule IN ('none', 'de_b2b', 'de_b2c', 'eu_b2b', 'ru_395', 'fixed')`,
)
@Check(
  'contracts_cash_discount_check',
  `(cash_discount_percent IS NULL AND cash_discount_days IS NULL) OR (cash_discount_percent > 0 AND cash_discount_percent < 100 AND cash_discount_days BETWEEN 0 AND 365)`,
)
export class Contract {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'client_id', type: 'uuid' })
  clientId: string;

  @ManyToOne(() => Client, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'client_id', foreignKeyConstraintName: 'contracts_client_id_fkey' })
  client?: Client;

  @Column({ type: 'varchar', length: 64 })
  number: string;

  @Column({ type: 'char', length: 3 })
  currency: string;

  @Column({ name: 'payment_term_days', type: 'integer' })
  paymentTermDays: number;

  @Column({ name: 'starts_on', type: 'date' })
  startsOn: string;

  @Column({ name: 'ends_on', type: 'date', nullable: true })
  endsOn: string | null;

  @Column({ name: 'auto_renew', type: 'boolean', default: false })
  autoRenew: boolean;

  /** How long an automatic renewal extends the contract, from its end date. */
  @Column({ name: 'renewal_term_months', type: 'integer', default: 12 })
  renewalTermMonths: number;

  /** How many days before `endsOn` the client's manager is asked to see to the renewal (a contract_renewal task). */
  @Column({ name: 'renewal_notice_days', type: 'integer', default: 60 })
  renewalNoticeDays: number;

  /** Discounts by the net amount invoiced in a period; null without. */
  @Column({ name: 'volume_discount', type: 'jsonb', nullable: true })
  volumeDiscount: VolumeDiscountTerms | null;

  /** A policy of the collections context; no foreign key across contexts. */
  @Column({ name: 'dunning_policy_id', type: 'uuid', nullable: true })
  dunningPolicyId: string | null;

  @Column({ name: 'late_interest_rule', type: 'varchar', length: 16, default: 'none' })
  lateInterestRule: LateInterestRule;

  @Column({ name: 'late_interest_rate_percent', type: 'numeric', precision: 7, scale: 4, nullable: true, transformer: decimalColumn })
  lateInterestRatePercent: number | null;

  @Column({ name: 'cash_discount_percent', type: 'numeric', precision: 5, scale: 2, nullable: true, transformer: decimalColumn })
  cashDiscountPercent: number | null;

  @Column({ name: 'cash_discount_days', type: 'integer', nullable: true })
  cashDiscountDays: number | null;

  @Column({ type: 'varchar', length: 16, default: 'draft' })
  status: ContractStatus;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
