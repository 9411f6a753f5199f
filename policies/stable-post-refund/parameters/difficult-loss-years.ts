import { defineParameter } from '@wengang/engine';
import { cite, LU26 } from '../citations';

/** 困难企业须出现亏损的年度. */
export const difficultLossYears = defineParameter<readonly number[]>({
  id: 'stable-post-refund.difficult_loss_years',
  label: '困难企业须出现亏损的年度',
  unit: 'years',
  values: [
    {
      region: '370000',
      from: '2020-01-01',
      value: [2018, 2019],
      cite: cite(LU26, '三(二)1 申请条件', 5251),
      note: '「2018年和2019年出现亏损」：两年均亏损（净利润 < 0）。',
    },
  ],
});
