import { defineParameter } from '@wengang/engine';
import { CJ15, cite, LU26 } from '../citations';
import type { DateWindow } from '../rules/period';

/** 困难企业（经营困难且恢复有望企业）稳岗返还执行期. Open-ended parameter value; the window is the value. */
export const difficultPeriod = defineParameter<DateWindow>({
  id: 'stable-post-refund.difficult_period',
  label: '困难企业稳岗返还执行期',
  unit: 'date-range',
  values: [
    {
      region: '370000',
      from: '2020-01-01',
      value: { from: '2020-01-01', until: '2020-12-31' },
      cite: cite(LU26, '三 经营困难且恢复有望企业稳岗返还政策', 5241),
      note:
        '「执行期延长至2020年12月31日」。鲁政发〔2020〕5号（001 L87）与聊城市政府2020-03-11通知（004 L9）均为' +
        '「自2020年1月1日起再延长1年」，起点取2020-01-01。',
    },
    {
      region: '652300',
      from: '2020-06-01',
      value: { from: '2020-06-01', until: '2020-12-31' },
      cite: cite(CJ15, '以上政策从2020年6月1日起执行，受理期限截止到2020年12月31日', 81),
      note: '二(一)2（L25）未写期限，按全文「以上政策」的执行期。',
    },
  ],
});
