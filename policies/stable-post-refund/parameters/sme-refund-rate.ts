import { defineParameter } from '@wengang/engine';
import { CJ15, cite, LU63 } from '../citations';
import type { Ratio } from '../rules/ratio';

/** 中小微企业稳岗返还标准（提高后）: share of the previous year's enterprise + employee contributions. */
export const smeRefundRate = defineParameter<Ratio>({
  id: 'stable-post-refund.sme_refund_rate',
  label: '中小微企业稳岗返还标准（占企业及其职工上年度缴纳失业保险费的比例）',
  unit: 'fraction',
  values: [
    {
      region: '370000',
      from: '2020-01-01',
      until: '2020-12-31',
      value: { num: 100, den: 100 },
      cite: cite(LU63, '实施方案 二(一)1', 252),
      note: '「将中小微企业稳岗返还标准提高至企业及其职工上年度缴纳失业保险费的100%，执行期至2020年12月31日」；政策细则一(一)2（L310）同。',
    },
    {
      region: '652300',
      from: '2020-06-01',
      until: '2020-12-31',
      value: { num: 100, den: 100 },
      cite: cite(CJ15, '二(一)1', 23),
      note:
        '「返还标准最高可提至…100%」是上限；文件库中没有昌吉州或各县市确定的更低标准，故按上限100%计算。' +
        '若统筹地区确定了更低标准，应在此为该地区增加一个取值。',
    },
  ],
});
