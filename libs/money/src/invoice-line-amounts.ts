import { checkedAmount } from './amount-limit';
import { divideRoundHalfAwayFromZero, toScaledInteger } from './rounding';

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

interface ExactLineAmounts {
  net: bigint;
  tax: bigint;
}

function exactLineAmounts(line: LineInput): ExactLineAmounts {
  const quantity = toScaledInteger(line.quantity, QUANTITY_SCALE);
  const net = divideRoundHalfAwayFromZero(quantity * BigInt(line.unitPrice), 10n ** BigInt(QUANTITY_SCALE));
  const rate = toScaledInteger(line.taxRatePercent ?? 0, RATE_SCALE);
  const tax = divideRoundHalfAwayFromZero(net * rate, 100n * 10n ** BigInt(RATE_SCALE));
  return { net, tax };
}

/**
 * Net = quantity × unit price, tax = net × rate; each rounded half away from zero to the minor unit.
 * Throws AmountLimitExceededError when the line's gross amount is above MAX_AMOUNT.
 */
export function lineAmounts(line: LineInput, path = 'line'): LineAmounts {
  const { net, tax } = exactLineAmounts(line);
  checkedAmount(net + tax, path);
  return { netAmount: Number(net), taxAmount: Number(tax) };
}

export interface InvoiceTotals {
  subtotal: number;
  taxTotal: number;
  total: number;
  lines: LineAmounts[];
}

/** Sums the lines exactly (BigInt); throws AmountLimitExceededError when a line or the total is above MAX_AMOUNT. */
export function invoiceTotals(lines: LineInput[]): InvoiceTotals {
  const amounts = lines.map((line, index) => lineAmounts(line, `lines[${index}]`));
  const subtotal = amounts.reduce((sum, l) => sum + BigInt(l.netAmount), 0n);
  const taxTotal = amounts.reduce((sum, l) => sum + BigInt(l.taxAmount), 0n);
  return {
    subtotal: checkedAmount(subtotal, 'lines'),
    taxTotal: checkedAmount(taxTotal, 'lines'),
    total: checkedAmount(subtotal + taxTotal, 'lines'),
    lines: amounts,
  };
}
