import { defineParameter } from '@wengang/engine';
import { lc32 } from '../sources';

/** 毕业时间须在 2022 年 1-12 月。 */
export const graduationWindow = defineParameter<{ from: string; until: string }>({
  id: 'job-expansion.graduation_window',
  label: '毕业时间范围（月，含两端）',
  unit: 'month range',
  values: [
    {
      region: '371500',
      from: '2022-01-01',
      until: '2022-12-31',
      value: { from: '2022-01', until: '2022-12' },
      cite: lc32('一(二)', 25),
      note: '“毕业时间为 2022 年 1-12 月且取得普通高等学校毕业证书”。',
    },
  ],
});
