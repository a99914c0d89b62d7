import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { canSeeManager, Principal, VisibilityService } from '@ar/auth';
import { isUniqueViolation } from '@ar/database';
import { DomainError } from '@ar/errors';
import { decodeIdCursor, Page, toPage } from '@ar/pagination';
import { Money } from '@ar/money';
import { NewOutboxEvent, OutboxWriter } from '@ar/outbox';
import { ContractsEvents } from '../contracts-events';
import { UserRepository } from '../users/user.repository';
import { BillingContact, Client, ClientStatus, ClientType, creditLimitOf, PostalAddress, RiskClass } from './client.entity';
import { forbiddenClientFields } from './client-field-permissions';
import { ClientFilters, ClientRepository } from './client.repository';
import type { EventDataOf } from '@ar/events';

export interface ClientMasterData {
  name?: string;
  country?: string;
  type?: ClientType;
  taxId?: string | null;
  segment?: string | null;
  language?: string | null;
  externalId?: string | null;
  billingContacts?: BillingContact[];
  postalAddress?: PostalAddress | null;
}

export interface CreateClientCommand extends ClientMasterData {
  name: string;
  country: string;
  accountManagerId: string;
  creditLimit?: Money | null;
}

export interface UpdateClientCommand extends ClientMasterData {
  accountManagerId?: string;
  creditLimit?: Money | null;
  status?: ClientStatus;
  riskClass?: RiskClass | null;
}

const MANAGING_ROLES = ['account_manager', 'head_of_sales'];

@Injectable()
export class ClientsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clients: ClientRepository,
    private readonly users: UserRepository,
    private readonly visibility: VisibilityService,
    private readonly outbox: OutboxWriter,
  ) {}

  async create(principal: Principal, command: CreateClientCommand): Promise<Client> {
    const given = [...(command.creditLimit != null ? ['creditLimit'] : []), ...(command.billingContacts?.length ? ['billingContacts'] : [])];
    const restricted = forbiddenClientFields(principal.role, given);
    if (restricted.length > 0) throw DomainError.forbidden(`Your role may not set ${restricted.join(', ')}`);
    if (principal.role === 'account_manager' && command.accountManagerId !== principal.userId) {
      throw DomainError.forbidden('An account manager may only create clients they manage themselves');
    }
    await this.requireManager(command.accountManagerId);

    const client = Object.assign(new Client(), {
      id: uuidv7(),
      name: command.name.trim(),
      country: command.country.toUpperCase(),
      type: command.type ?? 'business',
      taxId: command.taxId ?? null,
      segment: command.segment ?? null,
      language: command.language ?? null,
      accountManagerId: command.accountManagerId,
      creditLimitAmount: command.creditLimit?.amount ?? null,
      creditLimitCurrency: command.creditLimit?.currency ?? null,
      status: 'active' as const,
      statusSource: null,
      riskClass: null,
      externalId: command.externalId ?? null,
      billingContacts: command.billingContacts ?? [],
      postalAddress: command.postalAddress ?? null,
    });
    return this.writeGuarded(async (manager) => {
      const created = await this.clients.insert(client, manager);
      await this.outbox.append(manager, 'contracts', [
        { type: ContractsEvents.ClientCreated, aggregateId: created.id, data: clientEventData(created) },
      ]);
      return created;
    });
  }

  /** Loads a client the caller may see; any other answers 404 so that existence does not leak. */
  async get(principal: Principal, id: string, manager?: EntityManager): Promise<Client> {
    const client = await this.clients.findById(id, manager);
    if (!client || !canSeeManager(await this.visibility.scopeFor(principal), client.accountManagerId)) {
      throw DomainError.notFound('Client', id);
    }
    return client;
  }

  async list(principal: Principal, filters: ClientFilters, limit: number, cursor?: string): Promise<Page<Client>> {
    const scope = await this.visibility.scopeFor(principal);
    const rows = await this.clients.listVisible(scope, filters, decodeIdCursor(cursor), limit + 1);
    return toPage(rows, limit, (c) => [c.id], (c) => c);
  }

  async update(principal: Principal, id: string, command: UpdateClientCommand): Promise<Client> {
    const given = Object.keys(command).filter((k) => command[k as keyof UpdateClientCommand] !== undefined);
    const scope = await this.visibility.scopeFor(principal);

    return this.writeGuarded(async (manager) => {
      const client = await this.clients.findByIdForUpdate(id, manager);
      if (!client || !canSeeManager(scope, client.accountManagerId)) throw DomainError.notFound('Client', id);
      const restricted = forbiddenClientFields(principal.role, given);
      if (restricted.length > 0) throw DomainError.forbidden(`Your role may not change ${restricted.join(', ')}`);
      if (command.accountManagerId !== undefined) await this.requireManager(command.accountManagerId, manager);

      const before = { ...client };
      applyMasterData(client, command);
      if (command.accountManagerId !== undefined) client.accountManagerId = command.accountManagerId;
      if (command.creditLimit !== undefined) {
        client.creditLimitAmount = command.creditLimit?.amount ?? null;
        client.creditLimitCurrency = command.creditLimit?.currency ?? null;
      }
      if (command.riskClass !== undefined) client.riskClass = command.riskClass;
      if (command.status !== undefined && command.status !== client.status) {
        client.status = command.status;
        client.statusSource = 'manual';
      }
      const saved = await this.clients.save(client, manager);
      await this.outbox.append(manager, 'contracts', changeEvents(before, saved));
      return saved;
    });
  }

  /**
   * Applies what the collections context decided about clients (from a batch of its events, in their order): block,
   * lift a block it set itself (never a manual one), and the risk class; one transaction, one write of the clients
   * that changed. Idempotent.
   */
  async applyCollectionsDecisions(decisions: readonly CollectionsDecision[]): Promise<void> {
    if (decisions.length === 0) return;
    await this.dataSource.transaction(async (manager) => {
      const clients = await this.clients.findByIdsForUpdate([...new Set(decisions.map((d) => d.clientId))], manager);
      const before = new Map(clients.map((c) => [c.id, { status: c.status, statusSource: c.statusSource, riskClass: c.riskClass }]));
      const byId = new Map(clients.map((c) => [c.id, c]));
      for (const decision of decisions) {
        const client = byId.get(decision.clientId);
        if (client) applyDecision(client, decision);
      }
      const changed = clients.filter((c) => {
        const was = before.get(c.id)!;
        return was.status !== c.status || was.statusSource !== c.statusSource || was.riskClass !== c.riskClass;
      });
      if (changed.length === 0) return;
      await this.clients.updateCollectionsState(changed, manager);
      await this.outbox.append(manager, 'contracts', changed.map((c) => ({ type: ContractsEvents.ClientUpdated, aggregateId: c.id, data: clientEventData(c) })));
    });
  }

  private async requireManager(userId: string, manager?: EntityManager): Promise<void> {
    const user = await this.users.findById(userId, manager);
    if (!user || !MANAGING_ROLES.includes(user.role)) {
      throw DomainError.businessRule(`accountManagerId ${userId} is not an account manager or head of sales`);
    }
  }

  private async writeGuarded<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.dataSource.transaction(work);
    } catch (error) {
      if (isUniqueViolation(error, 'clients_manager_external_id_key')) throw DomainError.conflict('Another client of this account manager already has this externalId');
      throw error;
    }
  }
}

function applyMasterData(client: Client, data: ClientMasterData): void {
  if (data.name !== undefined) client.name = data.name.trim();
  if (data.country !== undefined) client.country = data.country.toUpperCase();
  if (data.type !== undefined) client.type = data.type;
  if (data.taxId !== undefined) client.taxId = data.taxId;
  if (data.segment !== undefined) client.segment = data.segment;
  if (data.language !== undefined) client.language = data.language;
  if (data.externalId !== undefined) client.externalId = data.externalId;
  if (data.billingContacts !== undefined) client.billingContacts = data.billingContacts;
  if (data.postalAddress !== undefined) client.postalAddress = data.postalAddress;
}

export function clientEventData(client: Client): EventDataOf<'contracts', 'client.updated'> {
  return {
    clientId: client.id,
    name: client.name,
    accountManagerId: client.accountManagerId,
    status: client.status,
    creditLimit: creditLimitOf(client),
  };
}

function changeEvents(before: Client, after: Client): NewOutboxEvent<'contracts'>[] {
  const events: NewOutboxEvent<'contracts'>[] = [{ type: ContractsEvents.ClientUpdated, aggregateId: after.id, data: clientEventData(after) }];
  const clientId = after.id;
  const about = { aggregateId: clientId };
  if (before.creditLimitAmount !== after.creditLimitAmount || before.creditLimitCurrency !== after.creditLimitCurrency) {
    events.push({ ...about, type: ContractsEvents.ClientCreditLimitChanged, data: { clientId, previous: creditLimitOf(before), creditLimit: creditLimitOf(after) } });
  }
  if (before.accountManagerId !== after.accountManagerId) {
    events.push({ ...about, type: ContractsEvents.ClientManagerChanged, data: { clientId, previous: before.accountManagerId, accountManagerId: after.accountManagerId } });
  }
  if (before.riskClass !== after.riskClass) {
    events.push({ ...about, type: ContractsEvents.ClientRiskChanged, data: { clientId, previous: before.riskClass, riskClass: after.riskClass } });
  }
  if (before.status !== 'blocked' && after.status === 'blocked') events.push({ ...about, type: ContractsEvents.ClientBlocked, data: { clientId, source: after.statusSource } });
  if (before.status === 'blocked' && after.status !== 'blocked') events.push({ ...about, type: ContractsEvents.ClientUnblocked, data: { clientId, source: after.statusSource } });
  return events;
}

/** What collections decided about a client: blocked or unblocked (by assessment or dunning), and its risk class. */
export interface CollectionsDecision {
  clientId: string;
  blocked?: boolean;
  source?: 'assessment' | 'dunning';
  riskClass?: RiskClass | null;
}

/** A block by collections stands until collections lifts it; a manual block is not lifted by collections. */
function applyDecision(client: Client, decision: CollectionsDecision): void {
  if (decision.riskClass !== undefined) client.riskClass = decision.riskClass;
  if (decision.blocked === true && client.status !== 'blocked') {
    client.status = 'blocked';
    client.statusSource = decision.source ?? 'assessment';
  }
  if (decision.blocked === false && client.status === 'blocked' && client.statusSource !== 'manual') {
    client.status = 'active';
    client.statusSource = null;
  }
}
