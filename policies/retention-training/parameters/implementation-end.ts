import { defineParameter } from '@wengang/engine';
import { lc32 } from '../sources';

/** 政策实施期限截至 2022-12-31：自主申请须在此日（含）前提出。 */
export const implementationEnd = defineParameter<string>({
  id: 'retention-training.implementation_end',
  label: '政策实施期限截止日（含）',
  unit: 'date',
  values: [
    {
      region: '371500',
      from: '2022-01-01',
      until: '2022-12-31',
      value: '2022-12-31',
      cite: lc32('四', 49),
      note: '“两项补助政策的实施期限截至 2022 年 12 月 31 日”；留工培训补助未另设申请期限，自主申请以此日为最后申请日（见 INTERPRETATIONS.md）。',
    },
  ],
});
