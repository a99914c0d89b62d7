import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { canSeeManager, Principal, VisibilityService } from '@ar/auth';
import { isUniqueViolation } from '@ar/database';
import { DomainError } from '@ar/errors';
import { decodeIdCursor, Page, toPage } from '@ar/pagination';
import { NewOutboxEvent, OutboxWriter } from '@ar/outbox';
import { volumeTierProblems, VolumeDiscountTerms } from '@ar/money';
import { BusinessCalendar } from '@ar/time';
import { ClientsService } from '../clients/clients.service';
import { ContractsEvents } from '../contracts-events';
import { ContractAction, nextContractStatus } from './contract-lifecycle';
import { Contract, LateInterestRule } from './contract.entity';
import { ContractRenewal } from './contract-renewal.entity';
import { ContractFilters, ContractRepository } from './contract.repository';
import type { EventDataOf } from '@ar/events';

export interface CreateContractCommand {
  clientId: string;
  number: string;
  currency: string;
  paymentTermDays: number;
  startsOn: string;
  endsOn?: string | null;
  autoRenew?: boolean;
  dunningPolicyId?: string | null;
  lateInterest?: { rule: LateInterestRule; annualRatePercent?: number | null } | null;
  cashDiscount?: { percent: number; days: number } | null;
  renewalTermMonths?: number;
  renewalNoticeDays?: number;
  volumeDiscount?: VolumeDiscountTerms | null;
}

const EVENT_BY_ACTION = {
  activate: ContractsEvents.ContractActivated,
  suspend: ContractsEvents.ContractSuspended,
  terminate: ContractsEvents.ContractTerminated,
  renew: ContractsEvents.ContractRenewed,
  expire: ContractsEvents.ContractExpired,
} as const satisfies Record<ContractAction, string>;

@Injectable()
export class ContractsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly contracts: ContractRepository,
    private readonly clients: ClientsService,
    private readonly visibility: VisibilityService,
    private readonly outbox: OutboxWriter,
    private readonly calendar: BusinessCalendar,
  ) {}

  async create(principal: Principal, command: CreateContractCommand): Promise<Contract> {
    validateTerms(command);
    const client = await this.clients.get(principal, command.clientId);
    if (command.dunningPolicyId) await this.requireDunningPolicy(command.dunningPolicyId);
    const contract = Object.assign(new Contract(), {
      id: uuidv7(),
      clientId: client.id,
      number: command.number.trim(),
      currency: command.currency,
      paymentTermDays: command.paymentTermDays,
      startsOn: command.startsOn,
      endsOn: command.endsOn ?? null,
      autoRenew: command.autoRenew ?? false,
      dunningPolicyId: command.dunningPolicyId ?? null,
      lateInterestRule: command.lateInterest?.rule ?? 'none',
      lateInterestRatePercent: command.lateInterest?.annualRatePercent ?? null,
      cashDiscountPercent: command.cashDiscount?.percent ?? null,
      cashDiscountDays: command.cashDiscount?.days ?? null,
      renewalTermMonths: command.renewalTermMonths ?? 12,
      renewalNoticeDays: command.renewalNoticeDays ?? 60,
      volumeDiscount: command.volumeDiscount ?? null,
      status: 'draft' as const,
    });
    try {
      return await this.dataSource.transaction(async (manager) => {
        const created = await this.contracts.insert(contract, manager);
        await this.outbox.append(manager, 'contracts', [
          { type: ContractsEvents.ContractCreated, aggregateId: created.id, data: contractEventData(created) },
        ]);
        return created;
      });
    } catch (error) {
      if (isUniqueViolation(error, 'contracts_client_id_number_key')) {
        throw DomainError.conflict(`Client ${client.id} already has a contract numbered ${contract.number}`);
      }
      throw error;
    }
  }

  async get(principal: Principal, id: string): Promise<Contract> {
    const found = await this.contracts.findWithManager(id);
    if (!found || !canSeeManager(await this.visibility.scopeFor(principal), found.accountManagerId)) {
      throw DomainError.notFound('Contract', id);
    }
    return found.contract;
  }

  async list(principal: Principal, filters: ContractFilters, limit: number, cursor?: string): Promise<Page<Contract>> {
    const scope = await this.visibility.scopeFor(principal);
    const rows = await this.contracts.listVisible(scope, filters, decodeIdCursor(cursor), limit + 1);
    return toPage(rows, limit, (k) => [k.id], (k) => k);
  }

  activate(principal: Principal, id: string): Promise<Contract> {
    return this.transition(principal, id, 'activate', async (contract, manager) => {
      const client = await this.clients.get(principal, contract.clientId, manager);
      if (client.status === 'blocked') throw DomainError.businessRule(`Client ${client.id} is blocked; its contracts cannot be activated`);
    });
  }

  suspend(principal: Principal, id: string): Promise<Contract> {
    return this.transition(principal, id, 'suspend');
  }

  terminate(principal: Principal, id: string): Promise<Contract> {
    return this.transition(principal, id, 'terminate');
  }

  /**
   * Moves the end date on (an expired contract runs again); recorded as a renewal by hand. The daily run renews
   * contracts with autoRenew by itself (ContractRenewalsService).
   */
  renew(principal: Principal, id: string, endsOn: string): Promise<Contract> {
    let previousEndsOn: string | null = null;
    return this.transition(
      principal,
      id,
      'renew',
      async (contract, manager) => {
        if (endsOn < contract.startsOn) throw DomainError.businessRule('endsOn must not be before startsOn');
        if (contract.endsOn !== null && endsOn <= contract.endsOn) {
          throw DomainError.businessRule(`endsOn must be after the current end ${contract.endsOn}`);
        }
        previousEndsOn = contract.endsOn;
        if (previousEndsOn !== null) {
          await this.contracts.insertRenewal(
            { id: uuidv7(), contractId: contract.id, previousEndsOn, endsOn, automatic: false, renewedBy: principal.userId, renewedOn: this.calendar.today() },
            manager,
          );
        }
        contract.endsOn = endsOn;
      },
      () => ({ previousEndsOn, automatic: false }),
    );
  }

  /** The contract's renewals, newest first. */
  async renewals(principal: Principal, id: string): Promise<ContractRenewal[]> {
    await this.get(principal, id);
    return this.contracts.renewals(id);
  }

  /** Policies belong to the collections context, which publishes them as `collections.dunning_policies_v1`. */
  private async requireDunningPolicy(id: string): Promise<void> {
    const rows = await this.dataSource.query(`SELECT 1 FROM collections.dunning_policies_v1 WHERE id = $1`, [id]);
    if (rows.length === 0) throw DomainError.businessRule(`Dunning policy ${id} does not exist`);
  }

  private async transition(
    principal: Principal,
    id: string,
    action: ContractAction,
    check?: (contract: Contract, manager: EntityManager) => Promise<void>,
    eventData: () => Record<string, unknown> = () => ({}),
  ): Promise<Contract> {
    const scope = await this.visibility.scopeFor(principal);
    return this.dataSource.transaction(async (manager) => {
      const found = await this.contracts.findWithManager(id, manager, true);
      if (!found || !canSeeManager(scope, found.accountManagerId)) throw DomainError.notFound('Contract', id);
      const { contract } = found;
      const next = nextContractStatus(contract.status, action);
      await check?.(contract, manager);
      const previousStatus = contract.status;
      contract.status = next;
      const saved = await this.contracts.save(contract, manager);
      await this.outbox.append(manager, 'contracts', [
        // Each action's data schema is the contract plus previousStatus; a renewal adds what it renewed from.
        { type: EVENT_BY_ACTION[action], aggregateId: saved.id, data: { ...contractEventData(saved), previousStatus, ...eventData() } } as NewOutboxEvent<'contracts'>,
      ]);
      return saved;
    });
  }
}

function validateTerms(command: CreateContractCommand): void {
  const problems: { path: string; message: string }[] = [];
  if (command.endsOn && command.endsOn < command.startsOn) problems.push({ path: 'endsOn', message: 'endsOn must not be before startsOn' });
  const interest = command.lateInterest;
  if (interest?.rule === 'fixed' && (interest.annualRatePercent === undefined || interest.annualRatePercent === null)) {
    problems.push({ path: 'lateInterest.annualRatePercent', message: 'a fixed late-interest rule needs annualRatePercent' });
  }
  if (interest && interest.rule !== 'fixed' && interest.annualRatePercent != null) {
    problems.push({ path: 'lateInterest.annualRatePercent', message: `rule ${interest.rule} takes its rate from the reference rate table` });
  }
  if (command.volumeDiscount) {
    problems.push(...volumeTierProblems(command.volumeDiscount.tiers).map((message) => ({ path: 'volumeDiscount', message })));
  }
  if (problems.length > 0) throw DomainError.validation(problems.map((p) => `${p.path}: ${p.message}`).join('; '), problems);
}

function contractEventData(contract: Contract): EventDataOf<'contracts', 'contract.created'> {
  return {
    contractId: contract.id,
    clientId: contract.clientId,
    number: contract.number,
    currency: contract.currency,
    status: contract.status,
    startsOn: contract.startsOn,
    endsOn: contract.endsOn,
  };
}
