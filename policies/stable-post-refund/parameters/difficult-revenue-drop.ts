import { defineParameter } from '@wengang/engine';
import { cite, LU26 } from '../citations';
import type { RatioRange } from '../rules/ratio';

export interface RevenueDropTest {
  /** Year whose revenue must have dropped. */
  year: number;
  /** Year it is compared with (同比: the year before). */
  baseYear: number;
  range: RatioRange;
}

/** 困难企业营业收入同比下降幅度. */
export const difficultRevenueDrop = defineParameter<RevenueDropTest>({
  id: 'stable-post-refund.difficult_revenue_drop',
  label: '困难企业营业收入同比下降幅度范围',
  unit: 'year+fraction-range',
  values: [
    {
      region: '370000',
      from: '2020-01-01',
      value: { year: 2019, baseYear: 2018, range: { min: { num: 30, den: 100 }, max: { num: 70, den: 100 } } },
      cite: cite(LU26, '三(二)2 申请条件', 5253),
      note: '「2019年营业收入同比下降幅度在30%至70%范围内」：两端均含。',
    },
  ],
});
