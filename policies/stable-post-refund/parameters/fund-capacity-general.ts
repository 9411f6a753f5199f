import { defineParameter } from '@wengang/engine';
import { CJ15, cite, LU26, LU63 } from '../citations';

/** Minimum 失业保险基金备付能力 (months) for the general and SME refunds. */
export const fundCapacityGeneral = defineParameter<number>({
  id: 'stable-post-refund.fund_capacity_months_general',
  label: '实施一般企业（含中小微企业）稳岗返还的失业保险基金备付能力下限',
  unit: 'months',
  values: [
    {
      region: '370000',
      from: '2020-01-01',
      value: 12,
      cite: cite(LU26, '一 稳岗返还政策实施条件', 5223),
      note: '「上年失业保险基金滚存结余应具备12个月以上支付能力」；「以上」含本数。',
    },
    {
      region: '370000',
      from: '2020-01-01',
      value: 12,
      cite: cite(LU63, '实施方案 二(一)4', 260),
      note: '「失业保险基金备付能力不足12个月的次月起，停止执行一般企业稳岗返还政策」：按月监测，不足12个月的次月起停止，恢复后可重新启动。',
    },
    {
      region: '652300',
      from: '2020-06-01',
      value: 12,
      cite: cite(CJ15, '二(一)3', 27),
      note: '「实施企业稳岗返还的统筹地区上年失业保险基金滚存结余应具备12个月以上备付能力」。',
    },
  ],
});
