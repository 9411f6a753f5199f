import { defineParameter } from '@wengang/engine';
import { CJ15, cite, LU26, LU63 } from '../citations';

/** 困难企业稳岗返还：按几个月的月失业保险金计算. */
export const difficultBenefitMonths = defineParameter<number>({
  id: 'stable-post-refund.difficult_benefit_months',
  label: '困难企业稳岗返还月数（×月失业保险金标准×参保职工人数）',
  unit: 'months',
  values: [
    {
      region: '370000',
      from: '2020-01-01',
      until: '2020-12-31',
      value: 6,
      cite: cite(LU26, '三(一) 返还标准', 5245),
      note: '「返还标准可按6个月的上年末企业参加失业保险所在县（市、区）月失业保险金标准和参保职工人数确定」。',
    },
    {
      region: '370000',
      from: '2020-01-01',
      until: '2020-12-31',
      value: 6,
      cite: cite(LU63, '政策细则 一(二)2', 336),
      note:
        '63号改为「不超过6个月…返还标准由各统筹地区自行确定」（亦见实施方案二(一)2，L256）：6个月成为上限。文件库中没有' +
        '统筹地区确定的更低月数，故仍按6个月；若某统筹地区另定标准，应为该地区增加取值。',
    },
    {
      region: '652300',
      from: '2020-06-01',
      until: '2020-12-31',
      value: 6,
      cite: cite(CJ15, '二(一)2', 25),
      note: '「返还标准可按不超过6个月当地月人均失业保险金和参保职工人数确定」：上限6个月，未见更低的地方标准。',
    },
  ],
});
