import { defineParameter } from '@wengang/engine';
import { lcgov, lrs22, lrs43, lzf5 } from '../sources';

/** “签订1年以上劳动合同”：合同期限不少于 12 个月（含）。按招用日期取值。 */
export const minContractMonths = defineParameter<number>({
  id: 'hiring-subsidy.min_contract_months',
  label: '劳动合同最短期限（含本数）',
  unit: 'months',
  values: [
    {
      region: '370000',
      from: '2020-02-10',
      until: '2020-03-10',
      value: 12,
      cite: lzf5('一.1', 77),
      note: '“签订1年以上劳动合同”；“以上”含本数。',
    },
    {
      region: '370000',
      from: '2020-02-10',
      until: '2020-03-10',
      value: 12,
      cite: lrs22('政策细则 二.2', 429),
    },
    {
      region: '371500',
      from: '2020-02-10',
      until: '2020-03-10',
      value: 12,
      cite: lcgov('一.1', 4),
    },
    {
      region: '370000',
      from: '2020-03-11',
      until: '2020-12-31',
      value: 12,
      cite: lrs43('二', 4174),
      note: '中小微企业招用毕业年度高校毕业生：“签订1年以上劳动合同并办理就业登记”。',
    },
  ],
});
