import {
  formatMoney, lineAmounts, LineInput, roundVolumeDiscount, tierAt, VolumeDiscountTerms, volumeDiscountNumerator, VolumeSlice, volumeSlices, VolumeTier,
} from '@ar/money';

/** What an invoice says about its contract's volume discount: the period, the volume so far, the tier, the discount. */
export interface VolumeDiscountApplied {
  settlement: VolumeDiscountTerms['settlement'];
  period: { from: string; to: string };
  /** Net invoiced in the period before this invoice (before volume discounts), minor units. */
  volumeBefore: number;
  /** … and with this invoice. */
  volumeAfter: number;
  /** The tier reached with this invoice; null below the first. */
  tier: VolumeTier | null;
  /** The stretches of this invoice's volume in each tier. */
  slices: VolumeSlice[];
  /** The discount on this invoice (net, minor units); 0 with a year-end rebate, which settles the year instead. */
  discount: number;
}

export type DiscountLine = LineInput & { description: string };

/**
 * The discount lines a new invoice gets from its contract's volume tiers: each line's net, in order, continues the
 * period's volume; the part of it in each tier gets that tier's rate. One line per tax rate (so the tax stays
 * right), each discount rounded once, half away from zero.
 */
export function volumeDiscountLines(
  terms: VolumeDiscountTerms,
  currency: string,
  lines: readonly LineInput[],
  volumeBefore: number,
  period: { from: string; to: string },
): { lines: DiscountLine[]; applied: VolumeDiscountApplied } {
  const byRate = new Map<string, { rate: number | string; numerator: bigint; slices: VolumeSlice[] }>();
  let volume = volumeBefore;
  for (const line of lines) {
    const net = Math.max(0, lineAmounts(line).netAmount);
    const slices = volumeSlices(terms.tiers, volume, net);
    volume += net;
    if (slices.length === 0 || terms.settlement !== 'invoice') continue;
    const key = String(Number(line.taxRatePercent ?? 0));
    const group = byRate.get(key) ?? { rate: line.taxRatePercent ?? 0, numerator: 0n, slices: [] };
    group.numerator += volumeDiscountNumerator(slices);
    group.slices.push(...slices);
    byRate.set(key, group);
  }
  const money = (amount: number) => formatMoney(amount, currency, 'en');
  const several = byRate.size > 1;
  const discountLines = [...byRate.values()]
    .map((g) => ({ ...g, discount: roundVolumeDiscount(g.numerator) }))
    .filter((g) => g.discount > 0)
    .map((g) => ({
      description:
        `Volume discount: ${mergeSlices(g.slices).map((s) => `${s.percent} % on ${money(s.to - s.from)} above ${money(s.from)}`).join(', ')}` +
        ` (net invoiced ${period.from} to ${period.to}: ${money(volumeBefore)} before this invoice)${several ? `, VAT ${Number(g.rate)} %` : ''}`,
      quantity: 1,
      unitPrice: -g.discount,
      taxRatePercent: g.rate,
    }));
  return {
    lines: discountLines,
    applied: {
      settlement: terms.settlement,
      period,
      volumeBefore,
      volumeAfter: volume,
      tier: tierAt(terms.tiers, volume),
      slices: mergeSlices(volumeSlices(terms.tiers, volumeBefore, volume - volumeBefore)),
      discount: discountLines.reduce((sum, l) => sum - l.unitPrice, 0),
    },
  };
}

/** Adjacent stretches at the same rate, as one. */
function mergeSlices(slices: readonly VolumeSlice[]): VolumeSlice[] {
  const merged: VolumeSlice[] = [];
  for (const s of [...slices].sort((a, b) => a.from - b.from)) {
    const last = merged[merged.length - 1];
    if (last && last.percent === s.percent && last.to === s.from) last.to = s.to;
    else merged.push({ ...s });
  }
  return merged;
}
