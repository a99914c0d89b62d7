import { currencyExponent } from '@ar/money';
import { CalendarDate } from '@ar/time';
import { PolicyCatalog } from '../policies/policy-catalog';
import type { RiskClass } from '../solvency/solvency-assessment.entity';
import { assignee, taskPriority } from './task-rules';
import { TaskType } from './task.entity';

/** A client's overdue, undisputed invoices at one dunning level, under one policy and in one currency. */
export interface OverdueGroup {
  clientId: string;
  level: number;
  policyId: string | null;
  currency: string;
  invoiceIds: string[];
  amount: number;
  maxDaysOverdue: number;
  managerId: string | null;
  deputyId: string | null;
  managerAbsentUntil: CalendarDate | null;
  riskClass: RiskClass | null;
}

/** A dunning task the client needs: one per client, action and level. */
export interface PlannedTask {
  clientId: string;
  type: TaskType;
  level: number;
  invoiceIds: string[];
  amount: number;
  currency: string;
  maxDays: number;
  assigneeId: string | null;
  riskClass: RiskClass | null;
  priority: number;
  /** The letter the level's policy sends the debtor with this call. */
  letter: 'none' | 'email' | 'post';
  payWithinDays: number;
}

/** A dunning task that exists for one of the clients being planned. */
export interface ExistingDunningTask {
  id: string;
  clientId: string;
  type: TaskType;
  level: number;
  status: 'open' | 'snoozed' | 'done';
  invoiceIds: string[];
}

/**
 * The dunning tasks the clients need: one per client, action (from the level's policy) and level, listing the
 * client's overdue invoices at that level. A task carries one currency, the one with most at stake; it goes to
 * the client's manager, the deputy while the manager is away, or the head of sales when nobody manages it.
 */
export function planDunningTasks(groups: OverdueGroup[], policies: PolicyCatalog, asOf: CalendarDate, headOfSalesId: string | null): PlannedTask[] {
  const byKey = new Map<string, PlannedTask>();
  for (const g of groups) {
    const policyLevel = policies.level(g.policyId, g.level);
    const action = policyLevel?.action ?? 'reminder';
    const key = `${g.clientId}|${action}|${g.level}`;
    const task = byKey.get(key);
    if (task) {
      task.invoiceIds.push(...g.invoiceIds);
      task.maxDays = Math.max(task.maxDays, g.maxDaysOverdue);
      if (g.currency === task.currency) task.amount += g.amount;
      else if (g.amount > task.amount) Object.assign(task, { currency: g.currency, amount: g.amount });
      continue;
    }
    byKey.set(key, {
      clientId: g.clientId,
      type: action,
      level: g.level,
      invoiceIds: [...g.invoiceIds],
      amount: g.amount,
      currency: g.currency,
      maxDays: g.maxDaysOverdue,
      assigneeId: assignee({ managerId: g.managerId, managerDeputyId: g.deputyId, managerAbsentUntil: g.managerAbsentUntil, headOfSalesId }, asOf),
      riskClass: g.riskClass,
      priority: 0,
      letter: policyLevel?.letter ?? 'none',
      payWithinDays: policyLevel?.payWithinDays ?? 14,
    });
  }
  for (const t of byKey.values()) {
    t.invoiceIds.sort();
    t.priority = taskPriority({ amountOverdueMinor: t.amount, currencyExponent: currencyExponent(t.currency), maxDaysOverdue: t.maxDays, riskClass: t.riskClass, level: t.level });
  }
  return [...byKey.values()];
}

/**
 * What to write so the clients have the planned tasks: an open or snoozed task for the same client, type and
 * level is updated; otherwise a task is created, unless one already done covered all the same invoices (the
 * call was made; the manager is not asked again for the same debt).
 */
export function reconcileDunningTasks(
  planned: PlannedTask[],
  existing: ExistingDunningTask[],
  newId: () => string,
): { toUpdate: (PlannedTask & { id: string })[]; toCreate: (PlannedTask & { id: string })[] } {
  const key = (clientId: string, type: string, level: number) => `${clientId}|${type}|${level}`;
  const open = new Map(existing.filter((t) => t.status !== 'done').map((t) => [key(t.clientId, t.type, t.level), t]));
  const done = existing.filter((t) => t.status === 'done');
  const toUpdate: (PlannedTask & { id: string })[] = [];
  const toCreate: (PlannedTask & { id: string })[] = [];
  for (const p of planned) {
    const current = open.get(key(p.clientId, p.type, p.level));
    if (current) {
      toUpdate.push({ ...p, id: current.id });
      continue;
    }
    const alreadyWorked = done.some(
      (t) => t.clientId === p.clientId && t.type === p.type && t.level === p.level && p.invoiceIds.every((id) => t.invoiceIds.includes(id)),
    );
    if (!alreadyWorked) toCreate.push({ ...p, id: newId() });
  }
  return { toUpdate, toCreate };
}
