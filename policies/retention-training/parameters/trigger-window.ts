import { defineParameter } from '@wengang/engine';
import { lc32 } from '../sources';

/** 触发事件须在 2022 年内出现（首次列入/静态管理起始日在此区间内）。 */
export const triggerWindow = defineParameter<{ from: string; until: string }>({
  id: 'retention-training.trigger_window',
  label: '疫情触发事件的起止日期',
  unit: 'date range',
  values: [
    {
      region: '371500',
      from: '2022-01-01',
      until: '2022-12-31',
      value: { from: '2022-01-01', until: '2022-12-31' },
      cite: lc32('一(一)', 21),
      note: '“2022 年出现……”；实施期限截至 2022-12-31（四，第49行）。',
    },
  ],
});
