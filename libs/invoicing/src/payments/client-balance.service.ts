import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Principal, VisibilityService } from '@ar/auth';
import { DomainError } from '@ar/errors';
import { BusinessCalendar } from '@ar/time';
import { ContractsDirectory } from '../directory/contracts-directory';
import { PaymentRepository } from './payment.repository';
import { OPEN_STATUS_SQL } from '../invoices/open-receivable';

export interface CurrencyBalance {
  currency: string;
  open: number;
  overdue: number;
  unappliedCredit: number;
}

@Injectable()
export class ClientBalanceService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly directory: ContractsDirectory,
    private readonly visibility: VisibilityService,
    private readonly payments: PaymentRepository,
    private readonly calendar: BusinessCalendar,
  ) {}

  /** What the client owes per currency today, what of it is overdue, and its unapplied credit. */
  async balance(principal: Principal, clientId: string): Promise<CurrencyBalance[]> {
    const client = await this.directory.visibleClient(await this.visibility.scopeFor(principal), clientId);
    if (!client) throw DomainError.notFound('Client', clientId);
    const rows = await this.dataSource.query(
      `SELECT currency,
              sum(total - amount_paid - amount_credited - amount_discounted)::bigint AS open,
              coalesce(sum(total - amount_paid - amount_credited - amount_discounted) FILTER (WHERE due_date < $2::date), 0)::bigint AS overdue
       FROM invoicing.invoices WHERE client_id = $1 AND ${OPEN_STATUS_SQL} GROUP BY currency`,
      [clientId, this.calendar.today()],
    );
    const credit = await this.payments.unappliedCredit(clientId);
    const byCurrency = new Map<string, CurrencyBalance>();
    for (const r of rows) byCurrency.set(r.currency, { currency: r.currency, open: Number(r.open), overdue: Number(r.overdue), unappliedCredit: 0 });
    for (const [currency, amount] of credit) {
      const entry = byCurrency.get(currency) ?? { currency, open: 0, overdue: 0, unappliedCredit: 0 };
      entry.unappliedCredit = amount;
      byCurrency.set(currency, entry);
    }
    return [...byCurrency.values()].sort((a, b) => a.currency.localeCompare(b.currency));
  }
}
