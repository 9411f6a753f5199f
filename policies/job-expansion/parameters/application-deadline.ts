import { defineParameter } from '@wengang/engine';
import { lc32 } from '../sources';

/** 一次性扩岗补助申请期限截至 2023-01-31（含）。 */
export const applicationDeadline = defineParameter<string>({
  id: 'job-expansion.application_deadline',
  label: '一次性扩岗补助申请截止日（含）',
  unit: 'date',
  values: [
    {
      region: '371500',
      from: '2022-01-01',
      until: '2022-12-31',
      value: '2023-01-31',
      cite: lc32('四', 49),
      note: '“一次性扩岗补助申请期限截至 2023 年 1 月 31 日”。免申即享以数据下发日、自主申请以受理日比对（见 INTERPRETATIONS.md）。',
    },
  ],
});
