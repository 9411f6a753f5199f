import { defineParameter } from '@wengang/engine';
import { CJ15, cite, LU26, LU63 } from '../citations';

/** Minimum 失业保险基金备付能力 (months) for the difficult-enterprise refund. */
export const fundCapacityDifficult = defineParameter<number>({
  id: 'stable-post-refund.fund_capacity_months_difficult',
  label: '实施困难企业稳岗返还的失业保险基金备付能力下限',
  unit: 'months',
  values: [
    {
      region: '370000',
      from: '2020-01-01',
      value: 24,
      cite: cite(LU26, '一 稳岗返还政策实施条件', 5223),
      note: '「实施经营困难且恢复有望企业稳岗返还的统筹地区备付能力应达到24个月以上」。',
    },
    {
      region: '370000',
      from: '2020-01-01',
      value: 24,
      cite: cite(LU63, '实施方案 二(一)4', 260),
      note: '「失业保险基金备付能力不足24个月的次月起，停止执行困难企业稳岗返还政策」。',
    },
    {
      region: '652300',
      from: '2020-06-01',
      value: 24,
      cite: cite(CJ15, '二(一)3', [27, 29]),
      note: '「实施困难企业稳岗返还的统筹地区备付能力应达到24个月以上」；不足时可向自治区申请调剂金（不影响企业条件）。',
    },
  ],
});
