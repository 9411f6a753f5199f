/** 吸纳就业以工代训：新吸纳时间须落在哪个区间。 */
import { defineParameter } from '@wengang/engine';
import { SD78, SHANDONG, cite } from '../sources';

export interface DateWindow {
  /** First day (inclusive). */
  from: string;
  /** Last day (inclusive). */
  until: string;
}

export const absorptionHireWindow = defineParameter<DateWindow>({
  id: 'work-for-training.absorption_hire_window',
  label: '新吸纳就业时间范围',
  unit: 'date-range',
  values: [
    {
      region: SHANDONG,
      from: '2020-01-01',
      value: { from: '2020-01-01', until: '2020-12-31' },
      cite: cite(SD78, '一「2020年1月至2020年12月，中小微企业新吸纳……就业」', 3885),
      note: '63号与昌吉州15号均未规定新吸纳时间范围，只要求在申领月份已吸纳。',
    },
  ],
});
