/** Event types the contracts context writes to its outbox. Renaming one breaks subscribers. */
export const ContractsEvents = {
  ClientCreated: 'client.created',
  ClientUpdated: 'client.updated',
  ClientCreditLimitChanged: 'client.credit_limit_changed',
  ClientManagerChanged: 'client.manager_changed',
  ClientBlocked: 'client.blocked',
  ClientUnblocked: 'client.unblocked',
  ClientRiskChanged: 'client.risk_changed',
  ContractCreated: 'contract.created',
  ContractActivated: 'contract.activated',
  ContractSuspended: 'contract.suspended',
  ContractTerminated: 'contract.terminated',
  ContractRenewed: 'contract.renewed',
  ContractExpired: 'contract.expired',
  ContractRenewalDue: 'contract.renewal_due',
} as const;
