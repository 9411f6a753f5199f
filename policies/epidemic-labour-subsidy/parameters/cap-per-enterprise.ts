import { defineParameter } from '@wengang/engine';
import { lcgov, lrs22, lzf5 } from '../sources';

/** 每个企业最高不超过 50 万元（含已发放部分）。 */
export const capPerEnterprise = defineParameter<number>({
  id: 'epidemic-labour-subsidy.cap_per_enterprise',
  label: '一次性用工补贴每户上限',
  unit: 'fen/enterprise',
  values: [
    {
      region: '370000',
      from: '2020-01-24',
      until: '2020-02-09',
      value: 50000000,
      cite: lzf5('一.1', 77),
      note: '“每个企业最高不超过50万元”。',
    },
    {
      region: '370000',
      from: '2020-01-24',
      until: '2020-02-09',
      value: 50000000,
      cite: lrs22('政策细则 一.2', 411),
      note: '“每个企业补贴最高不超过50万元”。',
    },
    {
      region: '371500',
      from: '2020-01-24',
      until: '2020-02-09',
      value: 50000000,
      cite: lcgov('一.1', 4),
    },
  ],
});
