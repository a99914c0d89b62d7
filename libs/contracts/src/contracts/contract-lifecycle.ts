import { DomainError, ErrorCode } from '@ar/errors';
import { ContractStatus } from './contract.entity';

export type ContractAction = 'activate' | 'suspend' | 'terminate' | 'renew' | 'expire';

// draft → active ⇄ suspended; any non-terminated contract may be terminated; renewal extends a
// running (active or suspended) contract without changing its status, and revives an expired one; a running
// contract past its end without automatic renewal expires (the daily run).
const TRANSITIONS: Record<ContractAction, Partial<Record<ContractStatus, ContractStatus>>> = {
  activate: { draft: 'active', suspended: 'active' },
  suspend: { active: 'suspended' },
  terminate: { draft: 'terminated', active: 'terminated', suspended: 'terminated', expired: 'terminated' },
  renew: { active: 'active', suspended: 'suspended', expired: 'active' },
  expire: { active: 'expired', suspended: 'expired' },
};

/** The status after `action`, or a 409 when the contract's current status does not allow it. */
export function nextContractStatus(current: ContractStatus, action: ContractAction): ContractStatus {
  const next = TRANSITIONS[action][current];
  if (next === undefined) {
    throw new DomainError(ErrorCode.InvalidTransition, `A ${current} contract cannot be ${pastTense(action)}`);
  }
  return next;
}

function pastTense(action: ContractAction): string {
  return { activate: 'activated', suspend: 'suspended', terminate: 'terminated', renew: 'renewed', expire: 'expired' }[action];
}
