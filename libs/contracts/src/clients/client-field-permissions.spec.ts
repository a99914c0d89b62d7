import { forbiddenClientFields } from './client-field-permissions';

describe('forbiddenClientFields', () => {
  const restricted = ['accountManagerId', 'creditLimit', 'status', 'riskClass'];

  it('refuses every restricted field to an account manager, but not master data', () => {
    expect(forbiddenClientFields('account_manager', [...restricted, 'name', 'segment'])).toEqual(restricted);
  });

  it('lets finance set credit limit, status and risk class but not reassign the manager', () => {
    expect(forbiddenClientFields('finance', restricted)).toEqual(['accountManagerId']);
  });

  it.each(['admin', 'head_of_sales'] as const)('lets %s set everything', (role) => {
    expect(forbiddenClientFields(role, restricted)).toEqual([]);
  });
});
