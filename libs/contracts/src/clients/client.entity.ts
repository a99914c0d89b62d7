import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { User } from '../users/user.entity';
import { bigintColumn } from '@ar/database';

export const CLIENT_TYPES = ['business', 'consumer'] as const;
export type ClientType = (typeof CLIENT_TYPES)[number];
export const CLIENT_STATUSES = ['active', 'on_hold', 'blocked'] as const;
export type ClientStatus = (typeof CLIENT_STATUSES)[number];
export const RISK_CLASSES = ['A', 'B', 'C', 'D'] as const;
export type RiskClass = (typeof RISK_CLASSES)[number];
/** Who put the client into its current status: a person, a solvency assessment or dunning. */
export type ClientStatusSource = 'manual' | 'assessment' | 'dunning';

/** Who at the client receives dunning letters and statements by e-mail (personal data: finance roles set it). */
export interface BillingContact {
  name: string;
  email: string;
  /** Overrides the client's language for this contact's letters. */
  language?: string | null;
}

/** Where posted letters go; the country is the client's. */
export interface PostalAddress {
  street: string;
  postalCode: string;
  city: string;
}

/** The client's credit limit as an amount with its currency, or null when none is set. */
export function creditLimitOf(client: Pick<Client, 'creditLimitAmount' | 'creditLimitCurrency'>): { amount: number; currency: string } | null {
  return client.creditLimitAmount === null || client.creditLimitCurrency === null
    ? null
    : { amount: client.creditLimitAmount, currency: client.creditLimitCurrency };
}

@Entity({ schema: 'contracts', name: 'clients' })
@Check('clients_type_check', `type IN ('business', 'consumer')`)
@Check('clients_status_check', `status IN ('active', 'on_hold', 'blocked')`)
@Check('clients_risk_class_check', `risk_class IS NULL OR risk_class IN ('A', 'B', 'C', 'D')`)
@Check(
  'clients_credit_limit_check',
  `(credit_limit_amount IS NULL AND credit_limit_currency IS NULL) OR (credit_limit_amount >= 0 AND credit_limit_currency IS NOT NULL)`,
)
// Unique per account manager, so a 409 never tells a manager that another manager's client uses an id.
@Index('clients_manager_external_id_key', ['accountManagerId', 'externalId'], { unique: true, where: 'external_id IS NOT NULL' })
export class Client {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  /** ISO 3166-1 alpha-2. */
  @Column({ type: 'char', length: 2 })
  country: string;

  @Column({ type: 'varchar', length: 16, default: 'business' })
  type: ClientType;

  @Column({ name: 'tax_id', type: 'varchar', length: 64, nullable: true })
  taxId: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  segment: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  language: string | null;

  @Index('clients_account_manager_id_idx')
  @Column({ name: 'account_manager_id', type: 'uuid', nullable: true })
  accountManagerId: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'account_manager_id', foreignKeyConstraintName: 'clients_account_manager_id_fkey' })
  accountManager?: User | null;

  @Column({ name: 'credit_limit_amount', type: 'bigint', nullable: true, transformer: bigintColumn })
  creditLimitAmount: number | null;

  @Column({ name: 'credit_limit_currency', type: 'char', length: 3, nullable: true })
  creditLimitCurrency: string | null;

  @Column({ type: 'varchar', length: 16, default: 'active' })
  status: ClientStatus;

  @Column({ name: 'status_source', type: 'varchar', length: 16, nullable: true })
  statusSource: ClientStatusSource | null;

  @Column({ name: 'risk_class', type: 'char', length: 1, nullable: true })
  riskClass: RiskClass | null;

  @Column({ name: 'external_id', type: 'varchar', length: 255, nullable: true })
  externalId: string | null;

  @Column({ name: 'billing_contacts', type: 'jsonb', default: () => "'[]'" })
  billingContacts: BillingContact[];

  @Column({ name: 'postal_address', type: 'jsonb', nullable: true })
  postalAddress: PostalAddress | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
