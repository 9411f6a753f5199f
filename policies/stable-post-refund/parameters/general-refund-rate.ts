import { defineParameter } from '@wengang/engine';
import { cite, LU26 } from '../citations';
import type { Ratio } from '../rules/ratio';

/** 一般企业稳岗返还标准: share of the previous year's unit + employee contributions. */
export const generalRefundRate = defineParameter<Ratio>({
  id: 'stable-post-refund.general_refund_rate',
  label: '一般企业稳岗返还标准（占上年度单位及其职工实际缴纳失业保险费的比例）',
  unit: 'fraction',
  values: [
    {
      region: '370000',
      from: '2020-01-01',
      until: '2020-12-31',
      value: { num: 50, den: 100 },
      cite: cite(LU26, '二(一) 返还标准', 5229),
      note:
        '「可返还其上年度单位及其职工实际缴纳失业保险费的50%」。鲁政办发〔2020〕4号（001 L48）、鲁政发〔2020〕5号（001 L87）' +
        '与聊城2020-03-11通知（004 L9）只写「上年度实际缴纳失业保险费的50%」，26号明确含职工缴纳部分。',
    },
  ],
});
