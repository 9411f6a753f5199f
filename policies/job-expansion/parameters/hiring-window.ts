import { defineParameter } from '@wengang/engine';
import { lc32 } from '../sources';

/** 招用时间须在 2022 年内。 */
export const hiringWindow = defineParameter<{ from: string; until: string }>({
  id: 'job-expansion.hiring_window',
  label: '招用日期范围（含两端）',
  unit: 'date range',
  values: [
    {
      region: '371500',
      from: '2022-01-01',
      until: '2022-12-31',
      value: { from: '2022-01-01', until: '2022-12-31' },
      cite: lc32('一(二)', 25),
      note: '“企业 2022 年内招用普通高校毕业生”；与实施期限截至 2022-12-31（四，第49行）一致。',
    },
  ],
});
