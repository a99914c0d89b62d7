import { createHash } from 'node:crypto';
import type { CamtEntry } from './camt-parser';

/**
 * What makes a booked entry the same entry wherever the bank reports it (camt.052 in the day, camt.053 at night,
 * camt.054): the bank's own reference for it where it gives one; else the account, booking date, amount, currency,
 * end-to-end ids and remittance texts (hashed, so the key stays short).
 */
export function bankEntryKey(account: string | null, entry: CamtEntry): string {
  const where = account ?? '-';
  if (entry.accountServicerReference) return `${where}|asr|${entry.accountServicerReference}`;
  const references = entry.transactions.map((t) => [t.endToEndId ?? '', t.unstructured ?? '', ...t.creditorReferences].join('~')).join('^');
  const digest = createHash('sha256').update(references).digest('hex').slice(0, 32);
  return `${where}|${entry.bookingDate ?? entry.valueDate ?? '-'}|${entry.direction}|${entry.amount} ${entry.currency}|${digest}`;
}
