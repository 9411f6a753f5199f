/**
 * 困难企业认定 by indicators: the claim month's revenue, electricity bill or other production energy
 * fell by at least the threshold (「下降X%及以上」, inclusive) against the 2019 monthly average of the
 * same indicator. Any one indicator suffices. Comparisons are exact (integers via BigInt).
 */
import { yuan } from '../format';
import type { Indicators } from '../facts';
import type { DistressThresholds } from '../parameters/distress-thresholds';

/**
 * Months the 2019 monthly average is taken over: 12 for an enterprise founded before 2019, the months
 * from its founding month to December (founding month counted) for one founded in 2019, 0 after.
 */
export function averagingMonths2019(establishedOn: string): number {
  if (establishedOn < '2019-01-01') return 12;
  if (establishedOn > '2019-12-31') return 0;
  return 13 - Number(establishedOn.slice(5, 7));
}

/** current ≤ (1 − pct/100) × total/months, i.e. a drop of at least pct percent against the monthly average. */
export function dropAtLeast(current: number, total2019: number, months: number, pct: number): boolean {
  if (Number.isInteger(current) && Number.isInteger(total2019)) {
    return BigInt(current) * BigInt(months) * 100n <= BigInt(total2019) * BigInt(100 - pct);
  }
  return current * months * 100 <= total2019 * (100 - pct);
}

/** The drop in percent for display (two decimals; negative means a rise). */
export function dropPercent(current: number, total2019: number, months: number): string {
  const pct = (1 - (current * months) / total2019) * 100;
  return (Math.round(pct * 100) / 100).toFixed(2).replace(/\.?0+$/, '');
}

export interface DistressOutcome {
  result: 'pass' | 'fail' | 'missing';
  detail: string;
  /** Absent fact paths, relative to `facts.enterprise`. */
  missing: string[];
}

interface Indicator {
  name: string;
  current: keyof Indicators;
  total: keyof Indicators;
  pct: number;
  money: boolean;
}

export function distressTestForMonth(
  indicators: Indicators | undefined,
  establishedOn: string | undefined,
  thresholds: DistressThresholds,
): DistressOutcome {
  if (indicators === undefined) {
    return {
      result: 'missing',
      detail: '未提供当月及2019年营业收入、电费、其他能源消耗量',
      missing: establishedOn === undefined ? ['indicators', 'establishedOn'] : ['indicators'],
    };
  }
  const list: Indicator[] = [
    { name: '营业收入', current: 'revenueFen', total: 'revenue2019Fen', pct: thresholds.revenuePct, money: true },
    {
      name: '电费',
      current: 'electricityFen',
      total: 'electricity2019Fen',
      pct: thresholds.electricityPct,
      money: true,
    },
    {
      name: '其他能源消耗量',
      current: 'otherEnergy',
      total: 'otherEnergy2019',
      pct: thresholds.otherEnergyPct,
      money: false,
    },
  ];
  const months = establishedOn === undefined ? undefined : averagingMonths2019(establishedOn);
  const shown = (v: number, money: boolean): string => (money ? yuan(v) : String(v));

  const parts: string[] = [];
  const missing: string[] = [];
  let passed = false;
  for (const ind of list) {
    const current = indicators[ind.current];
    const total = indicators[ind.total];
    if (current === undefined || total === undefined) {
      if (current === undefined) missing.push(`indicators.${ind.current}`);
      if (total === undefined) missing.push(`indicators.${ind.total}`);
      parts.push(`${ind.name}：未提供`);
      continue;
    }
    if (months === undefined) {
      if (!missing.includes('establishedOn')) missing.push('establishedOn');
      parts.push(`${ind.name}：缺成立日期，无法计算2019年月平均值`);
      continue;
    }
    if (months === 0 || total === 0) {
      parts.push(`${ind.name}：无2019年${months === 0 ? '经营月份' : '基数'}，不能按此项认定`);
      continue;
    }
    const ok = dropAtLeast(current, total, months, ind.pct);
    if (ok) passed = true;
    parts.push(
      `${ind.name}：当月 ${shown(current, ind.money)}，2019年合计 ${shown(total, ind.money)} ÷ ${months} 个月，` +
        `下降 ${dropPercent(current, total, months)}%（须 ≥ ${ind.pct}%）${ok ? '达标' : '未达标'}`,
    );
  }
  const detail = parts.join('；');
  if (passed) return { result: 'pass', detail, missing: [] };
  if (missing.length > 0) return { result: 'missing', detail, missing };
  return { result: 'fail', detail, missing: [] };
}
