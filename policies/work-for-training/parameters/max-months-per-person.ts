/** 每名人员最长补贴月数。 */
import { defineParameter } from '@wengang/engine';
import { CHANGJI, CJ15, SD63, SHANDONG, cite } from '../sources';

export const maxMonthsPerPerson = defineParameter<number>({
  id: 'work-for-training.max_months_per_person',
  label: '每人最长补贴月数',
  unit: 'months',
  values: [
    {
      region: SHANDONG,
      from: '2020-01-01',
      value: 6,
      cite: cite(SD63, '实施方案 二(二)5、6「每月500元/人、最长6个月」', [264, 270]),
    },
    {
      region: CHANGJI,
      from: '2020-01-01',
      value: 6,
      cite: cite(CJ15, '三「每人每月 300 元，最长不超过 6 个月」', 45),
    },
  ],
});
