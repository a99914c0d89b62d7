import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { Principal, VisibilityService } from '@ar/auth';
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
    let settled = 0;
    for (const contract of contracts) {
      const period = previousVolumePeriod(contract.volume_discount.period, contract.starts_on, asOf);
      if (period.to < contract.starts_on) continue;
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
    const volume = await this.invoices.lockedVolume(contract.id, period, manager);
    const [{ subtotal, total }]: { subtotal: string; total: string }[] = await manager.query(
      `SELECT COALESCE(sum(subtotal), 0)::text AS subtotal, COALESCE(sum(total), 0)::text AS total FROM invoicing.invoices
        WHERE contract_id = $1 AND kind = 'standard' AND status <> 'void' AND issue_date BETWEEN $2 AND $3`,
      [contract.id, period.from, period.to],
    );
    const rebateNet = periodVolumeDiscount(contract.volume_discount.tiers, volume);
    // The period's tax goes with it: the net rebate grossed up at the period's own ratio of total to net.
    const rebate = Number(subtotal) > 0 ? Number(divideRoundHalfAwayFromZero(BigInt(rebateNet) * BigInt(total), BigInt(subtotal))) : rebateNet;
    const creditNoteIds: string[] = [];
    let remaining = rebate;
    const open = await this.invoices.lockByIds(await this.openInvoiceIds(manager, contract.id), manager);
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

  private async openInvoiceIds(manager: EntityManager, contractId: string): Promise<string[]> {
    const rows: { id: string }[] = await manager.query(
      `SELECT id FROM invoicing.invoices WHERE contract_id = $1 AND status IN ('open', 'partially_paid')`,
      [contractId],
    );
    return rows.map((r) => r.id);
  }

  async list(principal: Principal, filters: { contractId?: string; clientId?: string }): Promise<VolumeRebate[]> {
    const scope = await this.visibility.scopeFor(principal);
    const qb = this.dataSource.manager.createQueryBuilder(VolumeRebate, 'r').orderBy('r.periodFrom', 'DESC').addOrderBy('r.id', 'ASC');
    if (!scope.all) qb.andWhere(`r.client_id IN (SELECT id FROM contracts.client_directory_v1 WHERE account_manager_id = ANY(:managers))`, { managers: scope.managerIds });
    if (filters.contractId) qb.andWhere('r.contract_id = :contractId', { contractId: filters.contractId });
    if (filters.clientId) qb.andWhere('r.client_id = :clientId', { clientId: filters.clientId });
    return qb.getMany();
  }
}
