export const ROLES = ['admin', 'finance', 'head_of_sales', 'account_manager'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/**
 * Who may lower or cancel what a client owes (credit notes, voids). Checked after visibility, so a manager
 * asking about another manager's invoice still gets 404 and existence does not leak.
 */
export const RECEIVABLE_ADJUSTERS: readonly Role[] = ['admin', 'finance'];

export function mayAdjustReceivables(role: Role): boolean {
  return RECEIVABLE_ADJUSTERS.includes(role);
}
