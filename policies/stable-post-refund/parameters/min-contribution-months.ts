import { defineParameter } from '@wengang/engine';
import { cite, LU26 } from '../citations';

/** 参加失业保险并足额缴纳失业保险费的最少月数. */
export const minContributionMonths = defineParameter<number>({
  id: 'stable-post-refund.min_contribution_months',
  label: '参加失业保险并足额缴纳失业保险费的最少月数',
  unit: 'months',
  values: [
    {
      region: '370000',
      from: '2020-01-01',
      value: 12,
      cite: cite(LU26, '二(二)2 申请条件', 5235),
      note:
        '「参加失业保险并足额缴纳失业保险费12个月以上」（含12个月）。享受2020年阶段性减免、经批准缓缴的月份视同按时缴纳；' +
        '足额缴费认定与欠费补缴执行鲁人社办发〔2018〕9号（不在文件库），由调用方按此计数。',
    },
  ],
});
