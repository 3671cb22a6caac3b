import type { Funnel, FunnelCounts, FunnelRates, RoleFunnel, RoleFunnelCounts } from './types';

/**
 * numerator / denominator as a percentage rounded half up to one decimal, or null when the
 * denominator is zero (a rate over nobody does not exist; 0% would claim a conversion failed).
 * Integer arithmetic, so 1/8 is exactly 12.5 and 1/16 rounds to 6.3 without float drift.
 */
export function percent(numerator: number, denominator: number): number | null {
  if (!Number.isInteger(numerator) || !Number.isInteger(denominator) || numerator < 0 || denominator < 0) {
    throw new RangeError(`percent needs non-negative whole counts, got ${numerator}/${denominator}`);
  }
  if (denominator === 0) return null;
  const tenths = Math.floor((numerator * 2000 + denominator) / (2 * denominator));
  return tenths / 10;
}

/** Conversion between consecutive steps: shown → curious → apply click → hired. */
export function funnelRates(counts: FunnelCounts): FunnelRates {
  return {
    curiousPerShown: percent(counts.curious, counts.shown),
    applyPerCurious: percent(counts.applyClick, counts.curious),
    hiredPerApply: percent(counts.hired, counts.applyClick),
  };
}

export function funnel(counts: FunnelCounts): Funnel {
  return { counts, rates: funnelRates(counts) };
}

export function roleFunnel(role: RoleFunnelCounts): RoleFunnel {
  return { role, counts: role, rates: funnelRates(role) };
}

/** "12.5%", or the catalogue's dash when there is no rate. Always one decimal, so columns line up. */
export function formatPercent(rate: number | null, none: string): string {
  return rate === null ? none : `${rate.toFixed(1)}%`;
}
