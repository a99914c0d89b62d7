import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { clientScopeCondition, Principal, VisibilityService } from '@ar/auth';
import { divideRoundHalfAwayFromZero, periodVolumeDiscount, previousVolumePeriod, VolumeDiscountTerms } from '@ar/money';
import { CalendarDate } from '@ar/time';
import { CreditNotesService } from '../credit-notes/credit-notes.service';
import { invoiceBalance } from '../invoices/invoice.entity';
import { InvoiceRepository } from '../invoices/invoice.repository';
import { VolumeRebate } from './volume-rebate.entity';

type RebateContract = { id: string; client_id: string; currency: string; starts_on: string; volume_discount: VolumeDiscountTerms };

/**
 * Year-end volume rebates: once a period of a contract whose tiers settle at year end has closed, the tiers' discount
 * on the period's volume is credited to the client, as credit notes on the contract's open invoices (newest first).
 * Run daily with the sweep (or POST /v1/volume-rebates/runs); one rebate per contract and period, however often run.
 */
@Injectable()
export class VolumeRebatesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly invoices: InvoiceRepository,
    private readonly creditNotes: CreditNotesService,
    private readonly visibility: VisibilityService,
  ) {}

  /** Settles the period that closed last before `asOf`, for every contract that has not had it settled. */
  async settleClosedPeriods(asOf: CalendarDate): Promise<{ asOf: CalendarDate; settled: number }> {
    const contracts: RebateContract[] = await this.dataSource.query(
      `SELECT t.id, t.client_id, t.currency, to_char(t.starts_on, 'YYYY-MM-DD') AS starts_on, t.volume_discount
         FROM contracts.contract_terms_v1 t
        WHERE t.volume_discount->>'settlement' = 'year_end_rebate' AND t.status <> 'draft'`,
    );
    const due = contracts
      .map((contract) => ({ contract, period: previousVolumePeriod(contract.volume_discount.period, contract.starts_on, asOf) }))
      .filter(({ contract, period }) => period.to >= contract.starts_on);
    // Most days every closed period is settled already: one read finds those, and only the rest open a transaction.
    const settledBefore: { contract_id: string; period_from: string }[] = await this.dataSource.query(
      `SELECT contract_id, to_char(period_from, 'YYYY-MM-DD') AS period_from FROM invoicing.volume_rebates WHERE contract_id = ANY($1)`,
      [due.map(({ contract }) => contract.id)],
    );
    const done = new Set(settledBefore.map((r) => `${r.contract_id}:${r.period_from}`));
    let settled = 0;
    for (const { contract, period } of due.filter(({ contract, period }) => !done.has(`${contract.id}:${period.from}`))) {
      if (await this.dataSource.transaction((manager) => this.settle(manager, contract, period, asOf))) settled += 1;
    }
    return { asOf, settled };
  }

  private async settle(manager: EntityManager, contract: RebateContract, period: { from: string; to: string }, asOf: CalendarDate): Promise<boolean> {
    const id = uuidv7();
    const [claimed]: { id: string }[] = await manager.query(
      `INSERT INTO invoicing.volume_rebates (id, contract_id, client_id, currency, period_from, period_to, volume, rebate_net, rebate, credited, remaining, credit_note_ids, settled_on)
       VALUES ($1, $2, $3, $4, $5, $6, 0, 0, 0, 0, 0, '{}', $7) ON CONFLICT (contract_id, period_from) DO NOTHING RETURNING id`,
      [id, contract.id, contract.client_id, contract.currency, period.from, period.to, asOf],
    );
    if (!claimed) return false;
    const { volume, subtotal, total } = await this.invoices.lockedPeriodVolume(contract.id, period, manager);
    const rebateNet = periodVolumeDiscount(contract.volume_discount.tiers, volume);
    // The period's tax goes with it: the net rebate grossed up at the period's own ratio of total to net.
    const rebate = subtotal > 0 ? Number(divideRoundHalfAwayFromZero(BigInt(rebateNet) * BigInt(total), BigInt(subtotal))) : rebateNet;
    const creditNoteIds: string[] = [];
    let remaining = rebate;
    const open = await this.invoices.lockOpenOfContract(contract.id, manager);
    for (const invoice of open.sort((a, b) => (a.issueDate === b.issueDate ? b.id.localeCompare(a.id) : b.issueDate.localeCompare(a.issueDate)))) {
      if (remaining === 0) break;
      const amount = Math.min(remaining, invoiceBalance(invoice));
      if (amount <= 0) continue;
      const note = await this.creditNotes.issueIn(manager, invoice, amount, `Volume rebate ${period.from} to ${period.to}`, null);
      creditNoteIds.push(note.id);
      remaining -= amount;
    }
    await manager.update(VolumeRebate, { id }, { volume, rebateNet, rebate, credited: rebate - remaining, remaining, creditNoteIds });
    return true;
  }

  async list(principal: Principal, filters: { contractId?: string; clientId?: string }): Promise<VolumeRebate[]> {
    const scope = clientScopeCondition(await this.visibility.scopeFor(principal), 'r.client_id', ':managers');
    const qb = this.dataSource.manager.createQueryBuilder(VolumeRebate, 'r').where(scope.sql, { managers: scope.params[0] });
    qb.orderBy('r.periodFrom', 'DESC').addOrderBy('r.id', 'ASC');
    if (filters.contractId) qb.andWhere('r.contract_id = :contractId', { contractId: filters.contractId });
    if (filters.clientId) qb.andWhere('r.client_id = :clientId', { clientId: filters.clientId });
    return qb.getMany();
  }
}
