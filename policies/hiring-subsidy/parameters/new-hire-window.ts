import { defineParameter } from '@wengang/engine';
import { lcgov, lrs22, lzf5 } from '../sources';

/** 复工新吸纳就业的招用期间：2020-02-10 至 2020-03-10（含两端）。 */
export const newHireWindow = defineParameter<{ from: string; until: string }>({
  id: 'hiring-subsidy.new_hire_window',
  label: '复工新吸纳就业的招用期间（含两端）',
  unit: 'date range',
  values: [
    {
      region: '370000',
      from: '2020-01-01',
      value: { from: '2020-02-10', until: '2020-03-10' },
      cite: lzf5('一.1', 77),
      note: '“2020年2月10日起一个月内”：按月计算的期间以到期月的对应日为最后一日（民法典第二百零二条），即 2020-03-10。',
    },
    {
      region: '370000',
      from: '2020-01-01',
      value: { from: '2020-02-10', until: '2020-03-10' },
      cite: lrs22('政策细则 二.2', 429),
      note: '细则明确为“2020年2月10日至3月10日期间”。',
    },
    {
      region: '371500',
      from: '2020-01-01',
      value: { from: '2020-02-10', until: '2020-03-10' },
      cite: lcgov('一.1', 4),
      note: '聊城：“在2020年2月10日起一个月内新吸纳就业”，与省细则一致取至 2020-03-10。',
    },
  ],
});
