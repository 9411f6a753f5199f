import { defineParameter } from '@wengang/engine';
import { lc32 } from '../sources';

/** 触发条件之一：县（市、区）2022 年出现中高风险疫情区域的个数下限，“1个（含）以上”。 */
export const riskAreaMinCount = defineParameter<number>({
  id: 'retention-training.risk_area_min_count',
  label: '中高风险疫情区域个数下限（含本数）',
  unit: '个',
  values: [
    {
      region: '371500',
      from: '2022-01-01',
      until: '2022-12-31',
      value: 1,
      cite: lc32('一(一)', 21),
      note: '“出现 1 个（含）以上中高风险疫情区域”，含本数；同见二(一)1（第35行）。',
    },
  ],
});
