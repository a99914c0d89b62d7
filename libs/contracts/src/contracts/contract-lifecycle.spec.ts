import { DomainError, ErrorCode } from '@ar/errors';
import { ContractAction, nextContractStatus } from './contract-lifecycle';
import { ContractStatus } from './contract.entity';

describe('contract lifecycle', () => {
  it.each<[ContractStatus, ContractAction, ContractStatus]>([
    ['draft', 'activate', 'active'],
    ['suspended', 'activate', 'active'],
    ['active', 'suspend', 'suspended'],
    ['draft', 'terminate', 'terminated'],
    ['active', 'terminate', 'terminated'],
    ['suspended', 'terminate', 'terminated'],
    ['active', 'renew', 'active'],
    ['suspended', 'renew', 'suspended'],
    ['expired', 'renew', 'active'],
    ['expired', 'terminate', 'terminated'],
    ['active', 'expire', 'expired'],
    ['suspended', 'expire', 'expired'],
  ])('%s --%s--> %s', (from, action, to) => {
    expect(nextContractStatus(from, action)).toBe(to);
  });

  it.each<[ContractStatus, ContractAction]>([
    ['active', 'activate'],
    ['draft', 'suspend'],
    ['suspended', 'suspend'],
    ['terminated', 'activate'],
    ['terminated', 'suspend'],
    ['terminated', 'terminate'],
    ['terminated', 'renew'],
    ['draft', 'renew'],
    ['expired', 'activate'],
    ['expired', 'suspend'],
    ['draft', 'expire'],
    ['terminated', 'expire'],
  ])('refuses %s --%s--> with an invalid-transition error', (from, action) => {
    let error: unknown;
    try {
      nextContractStatus(from, action);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe(ErrorCode.InvalidTransition);
  });
});
