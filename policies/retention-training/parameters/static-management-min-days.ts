import { defineParameter } from '@wengang/engine';
import { lc32 } from '../sources';

/** 触发条件之二：实施静态管理的持续天数下限，“7 日以上”（含 7 日）。 */
export const staticManagementMinDays = defineParameter<number>({
  id: 'retention-training.static_management_min_days',
  label: '静态管理持续天数下限（含本数）',
  unit: 'days',
  values: [
    {
      region: '371500',
      from: '2022-01-01',
      until: '2022-12-31',
      value: 7,
      cite: lc32('一(一)', 21),
      note: '“出现实施静态管理 7 日以上区域”；“以上”含本数（民法典第一千二百五十九条），见 INTERPRETATIONS.md。',
    },
  ],
});
