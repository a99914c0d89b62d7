import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { OutboxWriter } from '@ar/outbox';
import { CalendarDate } from '@ar/time';
import { ContractsEvents } from '../contracts-events';

export interface ContractRenewalRunStats {
  asOf: CalendarDate;
  /** Renewals made (a contract far past its end renews once per term it missed). */
  renewed: number;
  expired: number;
  /** contract.renewal_due notices given (each becomes a contract_renewal task for the client's manager). */
  renewalsDue: number;
}

type ContractRow = { id: string; client_id: string; number: string; currency: string; status: string; starts_on: string; ends_on: string };

const RENEWALS_PER_TRANSACTION = 500;
const SNAPSHOT = `c.id, c.client_id, c.number, c.currency, c.status, to_char(c.starts_on, 'YYYY-MM-DD') AS starts_on, to_char(c.ends_on, 'YYYY-MM-DD') AS ends_on`;

/**
 * The contracts' daily run for a date: a running contract whose end date has come renews itself for its renewal
 * term when it says so (`autoRenew`), and otherwise expires the day after it ends; `renewalNoticeDays` before the
 * end, the renewal is announced (`contract.renewal_due`). Idempotent for a date and safe with several workers:
 * rows are locked (SKIP LOCKED) or written once by key (a renewal per end date, a notice per end date).
 */
@Injectable()
export class ContractRenewalsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
  ) {}

  async run(asOf: CalendarDate): Promise<ContractRenewalRunStats> {
    const renewed = await this.renewDue(asOf);
    const expired = await this.expireEnded(asOf);
    const renewalsDue = await this.announceRenewals(asOf);
    return { asOf, renewed, expired, renewalsDue };
  }

  private async renewDue(asOf: CalendarDate): Promise<number> {
    let total = 0;
    for (;;) {
      const renewed = await this.dataSource.transaction((manager) => this.renewBatch(manager, asOf));
      total += renewed;
      if (renewed === 0) return total;
    }
  }

  /** Moves the end of due contracts on by one term each (a contract that missed several terms comes round again). */
  private async renewBatch(manager: EntityManager, asOf: CalendarDate): Promise<number> {
    const [rows]: [(ContractRow & { previous_ends_on: string })[], number] = await manager.query(
      `WITH due AS (
         SELECT id, ends_on FROM contracts.contracts
          WHERE status IN ('active', 'suspended') AND auto_renew AND ends_on IS NOT NULL AND ends_on <= $1
          ORDER BY id LIMIT ${RENEWALS_PER_TRANSACTION} FOR UPDATE SKIP LOCKED)
       UPDATE contracts.contracts c SET ends_on = (due.ends_on + make_interval(months => c.renewal_term_months))::date, updated_at = now()
         FROM due WHERE c.id = due.id
       RETURNING ${SNAPSHOT}, to_char(due.ends_on, 'YYYY-MM-DD') AS previous_ends_on`,
      [asOf],
    );
    if (rows.length === 0) return 0;
    await manager.query(
      `INSERT INTO contracts.contract_renewals (id, contract_id, previous_ends_on, ends_on, automatic, renewed_by, renewed_on)
       SELECT r.id, r.contract_id, r.previous_ends_on, r.ends_on, true, NULL, $5
         FROM unnest($1::uuid[], $2::uuid[], $3::date[], $4::date[]) AS r(id, contract_id, previous_ends_on, ends_on)
       ON CONFLICT (contract_id, previous_ends_on) DO NOTHING`,
      [rows.map(() => uuidv7()), rows.map((r) => r.id), rows.map((r) => r.previous_ends_on), rows.map((r) => r.ends_on), asOf],
    );
    await this.outbox.append(
      manager,
      'contracts',
      rows.map((r) => ({
        type: ContractsEvents.ContractRenewed,
        aggregateId: r.id,
        data: { ...snapshot(r), previousStatus: r.status, previousEndsOn: r.previous_ends_on, automatic: true },
      })),
    );
    return rows.length;
  }

  private expireEnded(asOf: CalendarDate): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const [rows]: [(ContractRow & { previous_status: string })[], number] = await manager.query(
        `WITH ended AS (
           SELECT id, status FROM contracts.contracts
            WHERE status IN ('active', 'suspended') AND NOT auto_renew AND ends_on IS NOT NULL AND ends_on < $1
            FOR UPDATE SKIP LOCKED)
         UPDATE contracts.contracts c SET status = 'expired', updated_at = now() FROM ended WHERE c.id = ended.id
         RETURNING ${SNAPSHOT}, ended.status AS previous_status`,
        [asOf],
      );
      await this.outbox.append(
        manager,
        'contracts',
        rows.map((r) => ({ type: ContractsEvents.ContractExpired, aggregateId: r.id, data: { ...snapshot(r), previousStatus: r.previous_status } })),
      );
      return rows.length;
    });
  }

  /** Once per contract and end date, from `renewalNoticeDays` before the end until the end itself. */
  private announceRenewals(asOf: CalendarDate): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const rows: (ContractRow & { auto_renew: boolean; renewal_term_months: number; renews_to: string })[] = await manager.query(
        `WITH noticed AS (
           INSERT INTO contracts.contract_renewal_notices (contract_id, ends_on, noticed_on)
           SELECT id, ends_on, $1 FROM contracts.contracts
            WHERE status IN ('active', 'suspended') AND ends_on IS NOT NULL AND ends_on >= $1 AND ends_on - renewal_notice_days <= $1
           ON CONFLICT (contract_id, ends_on) DO NOTHING
           RETURNING contract_id)
         SELECT ${SNAPSHOT}, c.auto_renew, c.renewal_term_months,
                to_char((c.ends_on + make_interval(months => c.renewal_term_months))::date, 'YYYY-MM-DD') AS renews_to
           FROM noticed n JOIN contracts.contracts c ON c.id = n.contract_id`,
        [asOf],
      );
      await this.outbox.append(
        manager,
        'contracts',
        rows.map((r) => ({
          type: ContractsEvents.ContractRenewalDue,
          aggregateId: r.id,
          data: { ...snapshot(r), endsOn: r.ends_on, autoRenew: r.auto_renew, renewalTermMonths: r.renewal_term_months, renewsTo: r.auto_renew ? r.renews_to : null },
        })),
      );
      return rows.length;
    });
  }
}

function snapshot(r: ContractRow) {
  return { contractId: r.id, clientId: r.client_id, number: r.number, currency: r.currency, status: r.status, startsOn: r.starts_on, endsOn: r.ends_on };
}
