import { Type } from '@sinclair/typebox';
import { CalendarDate, Currency, Data, MinorUnits, Nullable, RiskClass, Uuid } from './event-fields';
import { eventSchemas } from './event-definition';

const OverdueFields = {
  invoiceId: Uuid,
  clientId: Uuid,
  number: Type.String(),
  currency: Currency,
  balance: MinorUnits,
  daysOverdue: Type.Integer({ minimum: 1 }),
  asOf: CalendarDate,
  sweepId: Uuid,
  dunningLevel: Type.Integer({ minimum: 0 }),
};

const Decision = Type.Union([Type.Literal('ok'), Type.Literal('watch'), Type.Literal('hold'), Type.Literal('block')]);
const AssessmentFields = {
  clientId: Uuid,
  asOf: CalendarDate,
  score: Type.Integer({ minimum: 0, maximum: 100 }),
  riskClass: RiskClass,
  decision: Decision,
  reasons: Type.Array(Type.String()),
};
const TaskType = Type.String({ description: 'reminder, final_notice, legal_handover, broken_promise, credit_review, follow_up, broken_plan, contract_renewal, …' });

const ids = { invoiceId: '0190a000-0000-7000-8000-000000001001', clientId: '0190a000-0000-7000-8000-000000000001', taskId: '0190a000-0000-7000-8000-000000006001' };
const overdue = {
  invoiceId: ids.invoiceId, clientId: ids.clientId, number: '2026-000123', currency: 'EUR', balance: 119_000, daysOverdue: 15,
  asOf: '2026-04-15', sweepId: '0190a000-0000-7000-8000-000000007001', dunningLevel: 2,
};
const assessment = {
  clientId: ids.clientId, asOf: '2026-04-15', score: 38, riskClass: 'D', decision: 'block',
  reasons: ['overdue share 80 % of exposure: -16', 'an invoice reached dunning level 3, which blocks the client'],
};
const task = {
  taskId: ids.taskId, clientId: ids.clientId, assigneeId: '0190a000-0000-7000-8000-0000000000a1', type: 'reminder', dunningLevel: 1,
  invoiceIds: [ids.invoiceId], amountOverdue: 119_000, currency: 'EUR', priority: 71, dueOn: '2026-04-15',
};
const promise = { promiseId: '0190a000-0000-7000-8000-000000008001', clientId: ids.clientId, promisedDate: '2026-04-30', promisedAmount: 119_000, paid: 119_000, currency: 'EUR' };

/** What the collections context announces. */
export const COLLECTIONS_EVENT_SCHEMAS = eventSchemas({
  'invoice.overdue': { description: 'A sweep found the invoice overdue for the first time.', data: Data(OverdueFields), example: overdue },
  'invoice.dunning_level_changed': {
    description: "The invoice's dunning level rose (one sweep may pass several levels).",
    data: Data({ ...OverdueFields, previousLevel: Type.Integer({ minimum: 0 }) }),
    example: { ...overdue, previousLevel: 1 },
  },
  'client.risk_changed': {
    description: "An assessment put the client in another risk class (or assessed it for the first time: previousRiskClass null).",
    data: Data({ ...AssessmentFields, previousRiskClass: Nullable(RiskClass) }),
    example: { ...assessment, previousRiskClass: 'B' },
  },
  'client.blocked': {
    description: 'Collections blocked the client: its score says block (source assessment) or an invoice reached a blocking level (source dunning).',
    data: Data({ ...AssessmentFields, source: Type.Union([Type.Literal('assessment'), Type.Literal('dunning')]) }),
    example: { ...assessment, source: 'dunning' },
  },
  'client.unblocked': {
    description: 'An assessment lifted the block collections had set.',
    data: Data({ ...AssessmentFields, source: Type.Literal('assessment') }),
    example: { ...assessment, score: 82, riskClass: 'A', decision: 'ok', reasons: [], source: 'assessment' },
  },
  'task.created': {
    description: 'A task was created for an account manager (a call to make, a broken promise, a follow-up someone planned; a follow-up has no currency).',
    data: Data({
      taskId: Uuid, clientId: Uuid, assigneeId: Nullable(Uuid), type: TaskType, dunningLevel: Type.Integer({ minimum: 0 }),
      invoiceIds: Type.Array(Uuid), amountOverdue: MinorUnits, currency: Nullable(Currency), priority: Type.Integer(), dueOn: CalendarDate,
    }),
    example: task,
  },
  'dunning.letter_requested': {
    description:
      "A dunning level was reached whose policy sends the debtor a letter, or invoices come due whose policy sends a courtesy reminder first (level 0, no task); the invoicing context produces it (by e-mail, or to post; a courtesy reminder only by e-mail).",
    data: Data({
      taskId: Nullable(Uuid), clientId: Uuid, level: Type.Integer({ minimum: 0 }),
      kind: Type.Union([Type.Literal('courtesy'), Type.Literal('reminder'), Type.Literal('final_notice'), Type.Literal('pre_trial_claim')]),
      channel: Type.Union([Type.Literal('email'), Type.Literal('post')]), invoiceIds: Type.Array(Uuid),
      payWithinDays: Type.Integer({ minimum: 1, maximum: 90 }),
    }),
    example: {
      taskId: '0190a000-0000-7000-8000-000000006001', clientId: '0190a000-0000-7000-8000-000000000001', level: 1, kind: 'reminder', channel: 'email',
      invoiceIds: ['0190a000-0000-7000-8000-000000001001'], payWithinDays: 14,
    },
  },
  'task.completed': {
    description: 'An account manager completed a task, with its outcome (a promise to pay, a dispute, …).',
    data: Data({
      taskId: Uuid, clientId: Uuid, type: TaskType, dunningLevel: Type.Integer({ minimum: 0 }), outcome: Type.String(), invoiceIds: Type.Array(Uuid),
      promiseId: Nullable(Uuid), promisedDate: Nullable(CalendarDate), promisedAmount: Nullable(MinorUnits), note: Nullable(Type.String()), completedBy: Uuid,
    }),
    example: {
      taskId: ids.taskId, clientId: ids.clientId, type: 'reminder', dunningLevel: 1, outcome: 'promise_to_pay', invoiceIds: [ids.invoiceId],
      promiseId: promise.promiseId, promisedDate: '2026-04-30', promisedAmount: 119_000, note: 'Pays after their customer pays them', completedBy: task.assigneeId,
    },
  },
  'task.cancelled': {
    description: 'An open task was cancelled (its invoices were settled).',
    data: Data({ taskId: Uuid, clientId: Uuid, type: TaskType, dunningLevel: Type.Integer({ minimum: 0 }), assigneeId: Nullable(Uuid), reason: Type.String() }),
    example: { taskId: ids.taskId, clientId: ids.clientId, type: 'reminder', dunningLevel: 1, assigneeId: task.assigneeId, reason: 'invoices settled' },
  },
  'promise.kept': {
    description: 'What the client promised was paid by the promised date.',
    data: Data({ promiseId: Uuid, clientId: Uuid, promisedDate: CalendarDate, promisedAmount: MinorUnits, paid: MinorUnits, currency: Currency }),
    example: promise,
  },
  'promise.broken': {
    description: 'The promised date passed without the promised amount paid; a broken_promise task follows.',
    data: Data({ promiseId: Uuid, clientId: Uuid, promisedDate: CalendarDate, promisedAmount: MinorUnits, paid: MinorUnits, currency: Currency }),
    example: { ...promise, paid: 40_000 },
  },
  'promise.cancelled': {
    description: 'A promise to pay was cancelled by hand (withdrawn, or recorded by mistake); dunning resumes with the next sweep.',
    data: Data({ promiseId: Uuid, clientId: Uuid, promisedDate: CalendarDate, promisedAmount: MinorUnits, currency: Currency, cancelledBy: Uuid, reason: Type.String() }),
    example: { promiseId: promise.promiseId, clientId: ids.clientId, promisedDate: '2026-04-30', promisedAmount: 119_000, currency: 'EUR', cancelledBy: task.assigneeId, reason: 'Recorded for the wrong client' },
  },
  'task.reassigned': {
    description: 'Head of sales or an admin handed a task to someone else by hand (audited; the daily hand-over leaves it there).',
    data: Data({ taskId: Uuid, clientId: Uuid, type: TaskType, fromAssigneeId: Nullable(Uuid), toAssigneeId: Uuid, reason: Type.String(), reassignedBy: Uuid }),
    example: {
      taskId: ids.taskId, clientId: ids.clientId, type: 'reminder', fromAssigneeId: task.assigneeId, toAssigneeId: '0190a000-0000-7000-8000-0000000000a2',
      reason: 'Key account: the head of sales calls', reassignedBy: '0190a000-0000-7000-8000-0000000000b1',
    },
  },
  'dunning.hold_placed': {
    description: "Dunning of the client (invoiceId null) or of one invoice is held until a date: no level rises and no letter goes out before it.",
    data: Data({ holdId: Uuid, clientId: Uuid, invoiceId: Nullable(Uuid), until: CalendarDate, reason: Type.String(), createdBy: Uuid }),
    example: { holdId: '0190a000-0000-7000-8000-000000009001', clientId: ids.clientId, invoiceId: ids.invoiceId, until: '2026-05-01', reason: 'Credit note for the damaged delivery in preparation', createdBy: task.assigneeId },
  },
  'dunning.hold_released': {
    description: 'A dunning hold was released before its date; dunning resumes with the next sweep.',
    data: Data({ holdId: Uuid, clientId: Uuid, invoiceId: Nullable(Uuid), releasedBy: Uuid, reason: Nullable(Type.String()) }),
    example: { holdId: '0190a000-0000-7000-8000-000000009001', clientId: ids.clientId, invoiceId: ids.invoiceId, releasedBy: task.assigneeId, reason: 'Credit note issued' },
  },
  'instalment_plan.created': {
    description: "An instalment plan was agreed for some of the client's invoices: their dunning is held while it is kept.",
    data: Data({
      planId: Uuid, clientId: Uuid, currency: Currency, total: MinorUnits, invoiceIds: Type.Array(Uuid),
      instalments: Type.Array(Type.Object({ dueOn: CalendarDate, amount: MinorUnits }, { additionalProperties: false })), createdBy: Uuid,
    }),
    example: {
      planId: '0190a000-0000-7000-8000-00000000a101', clientId: ids.clientId, currency: 'EUR', total: 119_000, invoiceIds: [ids.invoiceId],
      instalments: [{ dueOn: '2026-05-01', amount: 60_000 }, { dueOn: '2026-06-01', amount: 59_000 }], createdBy: task.assigneeId,
    },
  },
  'instalment_plan.ended': {
    description: 'An instalment plan ended: completed (all paid), broken (an instalment missed; a broken_plan task follows and dunning resumes) or cancelled by hand.',
    data: Data({
      planId: Uuid, clientId: Uuid, status: Type.Union([Type.Literal('completed'), Type.Literal('broken'), Type.Literal('cancelled')]),
      outstanding: Nullable(MinorUnits), reason: Type.String(),
    }),
    example: { planId: '0190a000-0000-7000-8000-00000000a101', clientId: ids.clientId, status: 'broken', outstanding: 59_000, reason: 'instalment due 2026-06-01 missed (0 of 59000 paid)' },
  },
});
