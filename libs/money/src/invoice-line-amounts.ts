import { divideRoundHalfAwayFromZero, toSafeNumber, toScaledInteger } from './rounding';

export const QUANTITY_SCALE = 4;
export const RATE_SCALE = 4;

export interface LineInput {
  quantity: number | string;
  /** Minor units per unit. */
  unitPrice: number;
  taxRatePercent?: number | string;
}

export interface LineAmounts {
  netAmount: number;
  taxAmount: number;
}

/** Net = quantity × unit price, tax = net × rate; each rounded half away from zero to the minor unit. */
export function lineAmounts(line: LineInput): LineAmounts {
  const quantity = toScaledInteger(line.quantity, QUANTITY_SCALE);
  const net = divideRoundHalfAwayFromZero(quantity * BigInt(line.unitPrice), 10n ** BigInt(QUANTITY_SCALE));
  const rate = toScaledInteger(line.taxRatePercent ?? 0, RATE_SCALE);
  const tax = divideRoundHalfAwayFromZero(net * rate, 100n * 10n ** BigInt(RATE_SCALE));
  return { netAmount: toSafeNumber(net), taxAmount: toSafeNumber(tax) };
}

export interface InvoiceTotals {
  subtotal: number;
  taxTotal: number;
  total: number;
  lines: LineAmounts[];
}

export function invoiceTotals(lines: LineInput[]): InvoiceTotals {
  const amounts = lines.map(lineAmounts);
  const subtotal = amounts.reduce((sum, l) => sum + l.netAmount, 0);
  const taxTotal = amounts.reduce((sum, l) => sum + l.taxAmount, 0);
  return { subtotal, taxTotal, total: subtotal + taxTotal, lines: amounts };
}
