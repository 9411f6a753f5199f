/** 困难企业认定标准：当月指标较2019年月平均值下降多少（及以上）。 */
import { defineParameter } from '@wengang/engine';
import { SD63, SD78, SHANDONG, cite } from '../sources';

/** Minimum drop, in whole percent, of each indicator against its 2019 monthly average (any one suffices). */
export interface DistressThresholds {
  /** 营业收入 (tax-reported revenue). */
  revenuePct: number;
  /** 电费. */
  electricityPct: number;
  /** 与生产经营直接相关的其他能源消耗量. */
  otherEnergyPct: number;
}

export const distressThresholds = defineParameter<DistressThresholds>({
  id: 'work-for-training.distress_thresholds',
  label: '困难企业认定标准（指标降幅，及以上）',
  unit: '%',
  values: [
    {
      region: SHANDONG,
      from: '2020-01-01',
      value: { revenuePct: 70, electricityPct: 70, otherEnergyPct: 70 },
      cite: cite(SD63, '实施方案 二(二)6「三项指标之一较2019年相应指标月平均值下降70%及以上」', 270),
    },
    {
      region: SHANDONG,
      from: '2020-01-01',
      until: '2020-05-31',
      value: { revenuePct: 50, electricityPct: 70, otherEnergyPct: 70 },
      cite: cite(
        SD78,
        '二「2020年1—5月……营业收入……下降50%及以上，或当月电费、……其他能源消耗量之一……下降70%及以上」',
        3889,
      ),
    },
    {
      region: SHANDONG,
      from: '2020-06-01',
      until: '2020-12-31',
      value: { revenuePct: 20, electricityPct: 50, otherEnergyPct: 50 },
      cite: cite(
        SD78,
        '二「2020年6—12月……营业收入……下降20%及以上，或当月电费、……其他能源消耗量之一……下降50%及以上」',
        3889,
      ),
    },
  ],
});
