/** Event types the collections context writes to its outbox. Renaming one breaks subscribers. */
export const CollectionsEvents = {
  InvoiceOverdue: 'invoice.overdue',
  InvoiceDunningLevelChanged: 'invoice.dunning_level_changed',
  ClientRiskChanged: 'client.risk_changed',
  ClientBlocked: 'client.blocked',
  ClientUnblocked: 'client.unblocked',
  TaskCreated: 'task.created',
  DunningLetterRequested: 'dunning.letter_requested',
  TaskCompleted: 'task.completed',
  TaskCancelled: 'task.cancelled',
  PromiseBroken: 'promise.broken',
  PromiseKept: 'promise.kept',
  PromiseCancelled: 'promise.cancelled',
  TaskReassigned: 'task.reassigned',
  DunningHoldPlaced: 'dunning.hold_placed',
  DunningHoldReleased: 'dunning.hold_released',
} as const;
