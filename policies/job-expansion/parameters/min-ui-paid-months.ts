import { defineParameter } from '@wengang/engine';
import { lc32 } from '../sources';

/** 为其缴纳失业保险费的最少月数，“1个月以上”（含 1 个月）。 */
export const minUiPaidMonths = defineParameter<number>({
  id: 'job-expansion.min_ui_paid_months',
  label: '缴纳失业保险费最少月数（含本数）',
  unit: 'months',
  values: [
    {
      region: '371500',
      from: '2022-01-01',
      until: '2022-12-31',
      value: 1,
      cite: lc32('一(二)', 27),
      note: '“为其缴纳失业保险费1个月以上且处于正常缴费状态”；“以上”含本数。',
    },
  ],
});
