import { defineParameter } from '@wengang/engine';
import { lrs22, lzbf4 } from '../sources';

/** “签订1年以上劳动合同”：不少于 12 个月（含）。聊城“稳定就业”未另定义，沿用省细则。 */
export const minContractMonths = defineParameter<number>({
  id: 'job-referral-subsidy.min_contract_months',
  label: '劳动合同最短期限（含本数）',
  unit: 'months',
  values: [
    {
      region: '370000',
      from: '2020-02-04',
      until: '2020-05-04',
      value: 12,
      cite: lzbf4('19', 54),
      note: '“到本省中小企业就业并签订1年以上劳动合同”。',
    },
    {
      region: '370000',
      from: '2020-02-04',
      until: '2020-05-04',
      value: 12,
      cite: lrs22('政策细则 三.2', 447),
      note: '“到本省企业、个体工商户就业并签订1年以上劳动合同”；聊城文件写作“稳定就业”，以此为准。',
    },
  ],
});
