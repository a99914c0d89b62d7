import { Type } from '@sinclair/typebox';
import { CalendarDate, CreditLimit, Currency, Data, Nullable, RiskClass, Uuid } from './event-fields';
import { eventSchemas } from './event-definition';

const ClientSnapshot = Data({
  clientId: Uuid,
  name: Type.String(),
  accountManagerId: Nullable(Uuid),
  status: Type.String(),
  creditLimit: Nullable(CreditLimit),
});

const ContractSnapshot = {
  contractId: Uuid,
  clientId: Uuid,
  number: Type.String(),
  currency: Currency,
  status: Type.String(),
  startsOn: CalendarDate,
  endsOn: Nullable(CalendarDate),
};
const ContractChange = Data({ ...ContractSnapshot, previousStatus: Type.String() });

const client = { clientId: '0190a000-0000-7000-8000-000000000001', name: 'Nordwind Logistik GmbH', accountManagerId: '0190a000-0000-7000-8000-0000000000a1', status: 'active', creditLimit: { amount: 5_000_000, currency: 'EUR' } };
const contract = { contractId: '0190a000-0000-7000-8000-000000000c01', clientId: client.clientId, number: 'C-2026-001', currency: 'EUR', status: 'active', startsOn: '2026-01-01', endsOn: null };

/** What the contracts context announces. */
export const CONTRACTS_EVENT_SCHEMAS = eventSchemas({
  'client.created': { description: 'A client was created.', data: ClientSnapshot, example: client },
  'client.updated': { description: 'A client changed (any field); the data is the client as it is now.', data: ClientSnapshot, example: client },
  'client.credit_limit_changed': {
    description: "A client's credit limit changed.",
    data: Data({ clientId: Uuid, previous: Nullable(CreditLimit), creditLimit: Nullable(CreditLimit) }),
    example: { clientId: client.clientId, previous: null, creditLimit: { amount: 5_000_000, currency: 'EUR' } },
  },
  'client.manager_changed': {
    description: 'A client moved to another account manager.',
    data: Data({ clientId: Uuid, previous: Nullable(Uuid), accountManagerId: Nullable(Uuid) }),
    example: { clientId: client.clientId, previous: '0190a000-0000-7000-8000-0000000000a2', accountManagerId: client.accountManagerId },
  },
  'client.risk_changed': {
    description: "The client's risk class as the contracts context records it changed (after a collections assessment or by hand).",
    data: Data({ clientId: Uuid, previous: Nullable(RiskClass), riskClass: Nullable(RiskClass) }),
    example: { clientId: client.clientId, previous: 'A', riskClass: 'C' },
  },
  'client.blocked': {
    description: 'The client was blocked: no new invoices against its contracts.',
    data: Data({ clientId: Uuid, source: Nullable(Type.String()) }),
    example: { clientId: client.clientId, source: 'dunning' },
  },
  'client.unblocked': {
    description: 'The client is no longer blocked.',
    data: Data({ clientId: Uuid, source: Nullable(Type.String()) }),
    example: { clientId: client.clientId, source: null },
  },
  'contract.created': { description: 'A contract was created (as a draft).', data: Data(ContractSnapshot), example: { ...contract, status: 'draft' } },
  'contract.activated': { description: 'A contract became active.', data: ContractChange, example: { ...contract, previousStatus: 'draft' } },
  'contract.suspended': { description: 'A contract was suspended.', data: ContractChange, example: { ...contract, status: 'suspended', previousStatus: 'active' } },
  'contract.terminated': { description: 'A contract was terminated.', data: ContractChange, example: { ...contract, status: 'terminated', previousStatus: 'active' } },
  'contract.renewed': {
    description: 'A contract was renewed: by hand, or by itself on its end date (`automatic`) for its renewal term.',
    data: Data({ ...ContractSnapshot, previousStatus: Type.String(), previousEndsOn: Nullable(CalendarDate), automatic: Type.Boolean() }),
    example: { ...contract, endsOn: '2027-12-31', previousStatus: 'active', previousEndsOn: '2026-12-31', automatic: true },
  },
  'contract.expired': {
    description: 'A contract without automatic renewal passed its end date: no new invoices against it.',
    data: ContractChange,
    example: { ...contract, status: 'expired', endsOn: '2026-12-31', previousStatus: 'active' },
  },
  'contract.renewal_due': {
    description: "A contract's end date is within its renewal notice days: it renews by itself to `renewsTo`, or expires unless renewed.",
    data: Data({ ...ContractSnapshot, endsOn: CalendarDate, autoRenew: Type.Boolean(), renewalTermMonths: Type.Integer(), renewsTo: Nullable(CalendarDate) }),
    example: { ...contract, endsOn: '2026-12-31', autoRenew: true, renewalTermMonths: 12, renewsTo: '2027-12-31' },
  },
});
