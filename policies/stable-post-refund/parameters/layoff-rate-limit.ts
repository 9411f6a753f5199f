import { defineParameter } from '@wengang/engine';
import { cite, LU26 } from '../citations';
import type { Ratio } from '../rules/ratio';

/** 裁员率上限（一般）. */
export const layoffRateLimit = defineParameter<Ratio>({
  id: 'stable-post-refund.layoff_rate_limit',
  label: '稳岗返还裁员率上限',
  unit: 'fraction',
  values: [
    {
      region: '370000',
      from: '2020-01-01',
      value: { num: 55, den: 1000 },
      cite: cite(LU26, '二(二)3 申请条件', 5237),
      note:
        '「上年度未裁员或裁员率不高于5.5%」（不高于＝含5.5%）。鲁政发〔2020〕5号（001 L87）与聊城2020-03-11通知（004 L9）' +
        '已写「将稳岗返还裁员率标准放宽到5.5%」，26号给出完整申请条件。',
    },
  ],
});
