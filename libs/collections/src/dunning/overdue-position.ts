import { CalendarDate } from '@ar/time';

/** Where a batch stopped in the (due date, invoice id) walk, as the sweep's checkpoint stores it. */
export function encodePosition(position: { dueDate: CalendarDate; invoiceId: string }): string {
  return `${position.dueDate}/${position.invoiceId}`;
}

/**
 * The position a checkpoint names; null (start over) for none, or for one written before positions
 * carried the due date — re-running batches changes nothing more, so starting over is safe.
 */
export function decodePosition(after: string | null): { dueDate: CalendarDate; invoiceId: string } | null {
  const match = after === null ? null : /^(\d{4}-\d{2}-\d{2})\/([0-9a-f-]{36})$/.exec(after);
  return match ? { dueDate: match[1], invoiceId: match[2] } : null;
}
