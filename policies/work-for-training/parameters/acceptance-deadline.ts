/** 受理期：申领最迟在哪一天提出。 */
import { defineParameter } from '@wengang/engine';
import { CHANGJI, CJ15, SD63, SD78, SHANDONG, cite } from '../sources';

export const acceptanceDeadline = defineParameter<string>({
  id: 'work-for-training.acceptance_deadline',
  label: '以工代训补贴受理期截止日',
  unit: 'date',
  values: [
    {
      region: SHANDONG,
      from: '2020-01-01',
      value: '2020-12-31',
      cite: cite(SD63, '实施方案 二(二)「政策受理期截至2020年12月31日」', 272),
    },
    {
      region: SHANDONG,
      from: '2020-01-01',
      value: '2021-03-31',
      cite: cite(SD78, '四(五)「受理期延长至2021年3月底」', 3905),
      note: '「3月底」按 2021-03-31（含）。',
    },
    {
      region: CHANGJI,
      from: '2020-01-01',
      value: '2020-12-31',
      cite: cite(CJ15, '「受理期限截止到2020年12月31日」', 81),
    },
  ],
});
