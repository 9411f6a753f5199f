import { defineParameter } from '@wengang/engine';
import { lcgov, lrs22, lzf5 } from '../sources';

/** 复工新吸纳就业：每新吸纳 1 人 1000 元。按招用日期取值。 */
export const newHireAmount = defineParameter<number>({
  id: 'hiring-subsidy.new_hire_amount',
  label: '一次性吸纳就业补贴标准（复工新吸纳）',
  unit: 'fen/person',
  values: [
    {
      region: '370000',
      from: '2020-02-10',
      until: '2020-03-10',
      value: 100000,
      cite: lzf5('一.1', 77),
      note: '“每新吸纳1人按每人1000元标准给予一次性吸纳就业补贴”。',
    },
    {
      region: '370000',
      from: '2020-02-10',
      until: '2020-03-10',
      value: 100000,
      cite: lrs22('政策细则 二.2', 429),
      note: '细则重申 1000 元/人，并增加“签订劳动合同之前半年内”无记录的限制。',
    },
    {
      region: '371500',
      from: '2020-02-10',
      until: '2020-03-10',
      value: 100000,
      cite: lcgov('一.1', 4),
      note: '聊城：“每新吸纳1人按每人1000元标准给予一次性吸纳就业补贴”，并要求 2020年3月10日前复工。',
    },
  ],
});
