import { defineParameter } from '@wengang/engine';
import { CJ15, cite } from '../citations';

/** 昌吉：困难企业按几个月的企业及其职工应缴纳社会保险费返还. */
export const difficultSocialInsuranceMonths = defineParameter<number>({
  id: 'stable-post-refund.difficult_social_insurance_months',
  label: '困难企业稳岗返还月数（×企业及其职工月应缴纳社会保险费）',
  unit: 'months',
  values: [
    {
      region: '652300',
      from: '2020-06-01',
      until: '2020-12-31',
      value: 3,
      cite: cite(CJ15, '二(一)2', 25),
      note: '「或按不超过3个月的企业及其职工应缴纳社会保险费确定」：上限3个月，未见更低的地方标准。',
    },
  ],
});
