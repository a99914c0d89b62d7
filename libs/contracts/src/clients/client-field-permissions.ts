import type { Role } from '@ar/auth';

/**
 * Client fields that only some roles may set. An account manager may edit their clients' master
 * data but never who manages them, how much credit they get, their status, their risk class or who at
 * the client receives its letters.
 */
const RESTRICTED_FIELDS: Readonly<Record<string, readonly Role[]>> = {
  accountManagerId: ['admin', 'head_of_sales'],
  creditLimit: ['admin', 'head_of_sales', 'finance'],
  status: ['admin', 'head_of_sales', 'finance'],
  riskClass: ['admin', 'head_of_sales', 'finance'],
  // Names and e-mail addresses of the client's staff: personal data, kept by the finance roles.
  billingContacts: ['admin', 'head_of_sales', 'finance'],
};

/** The given fields the role may not set, in a stable order. */
export function forbiddenClientFields(role: Role, fields: readonly string[]): string[] {
  return fields.filter((field) => {
    const allowed = RESTRICTED_FIELDS[field];
    return allowed !== undefined && !allowed.includes(role);
  });
}
