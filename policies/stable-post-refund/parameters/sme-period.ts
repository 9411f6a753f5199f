import { defineParameter } from '@wengang/engine';
import { CJ15, cite, LU63 } from '../citations';
import type { DateWindow } from '../rules/period';

/** 中小微企业稳岗返还（提高标准）执行期. Open-ended parameter value; the window is the value. */
export const smePeriod = defineParameter<DateWindow>({
  id: 'stable-post-refund.sme_period',
  label: '中小微企业稳岗返还（提高标准）执行期',
  unit: 'date-range',
  values: [
    {
      region: '370000',
      from: '2020-01-01',
      value: { from: '2020-01-01', until: '2020-12-31' },
      cite: cite(LU63, '实施方案 二(一)1', 252),
      note:
        '「执行期至2020年12月31日」；起始日未写明。已按原标准享受的企业由经办机构补发提高标准部分，说明提高后的标准适用于' +
        '2020年度全部返还，故自2020-01-01起算；但2020-06-08印发前作出的决定不知有此标准。',
    },
    {
      region: '652300',
      from: '2020-06-01',
      value: { from: '2020-06-01', until: '2020-12-31' },
      cite: cite(CJ15, '以上政策从2020年6月1日起执行，受理期限截止到2020年12月31日', 81),
      note:
        '二(一)1（L23）：「2020年12月31日前返还标准最高可提至…100%…尽快补发2020年度返还资金」；L81「以上政策从2020年6月1日起执行」。' +
        '补发6月前已发放的2020年度返还，作为6月1日以后的决定处理。',
    },
  ],
});
