import { defineParameter } from '@wengang/engine';
import { cite, LU26 } from '../citations';
import type { RatioRange } from '../rules/ratio';

/** 困难企业资产负债率范围. */
export const difficultDebtRatio = defineParameter<RatioRange>({
  id: 'stable-post-refund.difficult_debt_ratio_range',
  label: '困难企业资产负债率范围',
  unit: 'fraction-range',
  values: [
    {
      region: '370000',
      from: '2020-01-01',
      value: { min: { num: 30, den: 100 }, max: { num: 70, den: 100 } },
      cite: cite(LU26, '三(二)1 申请条件', 5251),
      note: '「资产负债率在30%至70%范围内」：两端均含；测算时点未写明，取上年末（2019年末）资产负债表。',
    },
  ],
});
