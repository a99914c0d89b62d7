import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { canSeeManager, VisibilityScope } from '@ar/auth';
import type { InterestRule } from '@ar/claims';
import type { VolumeDiscountTerms } from '@ar/money';

export interface ClientSnapshot {
  id: string;
  accountManagerId: string | null;
  status: 'active' | 'on_hold' | 'blocked';
  type: 'business' | 'consumer';
  creditLimitAmount: number | null;
  creditLimitCurrency: string | null;
}

/** What a letter to the client needs: its name, language, billing contacts and postal address. */
export interface ClientCorrespondence {
  id: string;
  name: string;
  country: string;
  language: string | null;
  accountManagerId: string | null;
  billingContacts: { name: string; email: string; language?: string | null }[];
  postalAddress: { street: string; postalCode: string; city: string } | null;
}

export interface ContractTerms {
  id: string;
  clientId: string;
  currency: string;
  paymentTermDays: number;
  status: 'draft' | 'active' | 'suspended' | 'terminated' | 'expired';
  cashDiscountPercent: number | null;
  cashDiscountDays: number | null;
  lateInterestRule: InterestRule;
  lateInterestRatePercent: number | null;
  startsOn: string;
  volumeDiscount: VolumeDiscountTerms | null;
}

/**
 * Reads clients and contracts through the views the contracts context publishes
 * (`contracts.client_directory_v1`, `contracts.client_correspondence_v1`, `contracts.contract_terms_v1`); never its tables.
 */
@Injectable()
export class ContractsDirectory {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async client(id: string, manager?: EntityManager): Promise<ClientSnapshot | null> {
    const rows = await (manager ?? this.dataSource.manager).query(
      `SELECT id, account_manager_id, status, type, credit_limit_amount, credit_limit_currency
       FROM contracts.client_directory_v1 WHERE id = $1`,
      [id],
    );
    const r = rows[0];
    if (!r) return null;
    return {
      id: r.id,
      accountManagerId: r.account_manager_id,
      status: r.status,
      type: r.type,
      creditLimitAmount: r.credit_limit_amount === null ? null : Number(r.credit_limit_amount),
      creditLimitCurrency: r.credit_limit_currency,
    };
  }

  /** From `contracts.client_correspondence_v1`. */
  async correspondence(id: string): Promise<ClientCorrespondence | null> {
    return (await this.correspondences([id])).get(id) ?? null;
  }

  async correspondences(ids: string[]): Promise<Map<string, ClientCorrespondence>> {
    if (ids.length === 0) return new Map();
    const rows = await this.dataSource.query(
      `SELECT id, name, country, language, account_manager_id, billing_contacts, postal_address FROM contracts.client_correspondence_v1 WHERE id = ANY($1)`,
      [ids],
    );
    return new Map(
      rows.map((r: Record<string, never>) => [
        r.id,
        { id: r.id, name: r.name, country: r.country, language: r.language, accountManagerId: r.account_manager_id, billingContacts: r.billing_contacts, postalAddress: r.postal_address },
      ]),
    );
  }

  /** The client if the scope may see it, else null (callers answer 404). */
  async visibleClient(scope: VisibilityScope, id: string, manager?: EntityManager): Promise<ClientSnapshot | null> {
    const client = await this.client(id, manager);
    return client && canSeeManager(scope, client.accountManagerId) ? client : null;
  }

  async contractTerms(ids: string[], manager?: EntityManager): Promise<Map<string, ContractTerms>> {
    if (ids.length === 0) return new Map();
    const rows = await (manager ?? this.dataSource.manager).query(
      `SELECT id, client_id, currency, payment_term_days, status, cash_discount_percent, cash_discount_days,
              late_interest_rule, late_interest_rate_percent, to_char(starts_on, 'YYYY-MM-DD') AS starts_on, volume_discount
       FROM contracts.contract_terms_v1 WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(
      rows.map((r: Record<string, any>) => [
        r.id,
        {
          id: r.id,
          clientId: r.client_id,
          currency: r.currency,
          paymentTermDays: r.payment_term_days,
          status: r.status,
          cashDiscountPercent: r.cash_discount_percent === null ? null : Number(r.cash_discount_percent),
          cashDiscountDays: r.cash_discount_days,
          lateInterestRule: r.late_interest_rule,
          lateInterestRatePercent: r.late_interest_rate_percent === null ? null : Number(r.late_interest_rate_percent),
          startsOn: r.starts_on,
          volumeDiscount: r.volume_discount,
        },
      ]),
    );
  }

}
