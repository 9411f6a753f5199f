import { defineParameter } from '@wengang/engine';
import { CJ15, cite, LU26 } from '../citations';

export type DifficultAmountBasis = 'unemployment_benefit' | 'social_insurance';

/** How the difficult-enterprise refund may be measured in the region. */
export const difficultAmountBases = defineParameter<readonly DifficultAmountBasis[]>({
  id: 'stable-post-refund.difficult_amount_bases',
  label: '困难企业稳岗返还标准的确定方式',
  unit: 'list',
  values: [
    {
      region: '370000',
      from: '2020-01-01',
      value: ['unemployment_benefit'],
      cite: cite(LU26, '三(一) 返还标准', 5245),
      note: '只有一种：月失业保险金标准 × 月数 × 参保职工人数。',
    },
    {
      region: '652300',
      from: '2020-06-01',
      value: ['unemployment_benefit', 'social_insurance'],
      cite: cite(CJ15, '二(一)2', 25),
      note:
        '「按不超过6个月当地月人均失业保险金和参保职工人数确定，或按不超过3个月的企业及其职工应缴纳社会保险费确定」：' +
        '由经办机构择一，调用方以 difficultAmountBasis 指明。',
    },
  ],
});
