/** 政策执行期：哪些申领月份可以补贴。 */
import { defineParameter } from '@wengang/engine';
import { CHANGJI, CJ15, SD63, SD78, SHANDONG, cite } from '../sources';

export interface MonthWindow {
  /** First claim month (inclusive), `YYYY-MM`. */
  firstMonth: string;
  /** Last claim month (inclusive), `YYYY-MM`. */
  lastMonth: string;
}

export const policyPeriod = defineParameter<MonthWindow>({
  id: 'work-for-training.policy_period',
  label: '以工代训政策执行期（可补贴的申领月份）',
  unit: 'month-range',
  values: [
    {
      region: SHANDONG,
      from: '2020-01-01',
      value: { firstMonth: '2020-06', lastMonth: '2020-12' },
      cite: cite(SD63, '实施方案 二(二)「政策受理期截至2020年12月31日」', 272),
      note:
        '63号未写起始月份，只写受理期截至 2020-12-31；本项目按印发月份（2020年6月，L232）起算，' +
        '2020年1—5月由78号追溯纳入（见 INTERPRETATIONS.md）。值的 from 取 2020-01-01 只为覆盖所有可能的申领月份。',
    },
    {
      region: SHANDONG,
      from: '2020-01-01',
      value: { firstMonth: '2020-01', lastMonth: '2020-12' },
      cite: cite(SD78, '一「2020年1月至2020年12月」；四(五)「以工代训政策执行期截至2020年12月31日」', [3885, 3905]),
      note: '78号将执行期明确为2020年1—12月（二 对1—5月另设困难企业认定标准，L3889），并允许已申领企业补领。',
    },
    {
      region: CHANGJI,
      from: '2020-01-01',
      value: { firstMonth: '2020-06', lastMonth: '2020-12' },
      cite: cite(CJ15, '「以上政策从2020年6月1日起执行，受理期限截止到2020年12月31日」', 81),
    },
  ],
});
