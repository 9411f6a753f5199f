import { defineParameter } from '@wengang/engine';
import { lcgov, lrs22, lzf5 } from '../sources';

/** 每人每天 200 元。按在岗日期取值。 */
export const ratePerPersonDay = defineParameter<number>({
  id: 'epidemic-labour-subsidy.rate_per_person_day',
  label: '一次性用工补贴标准（每人每天）',
  unit: 'fen/person/day',
  values: [
    {
      region: '370000',
      from: '2020-01-24',
      until: '2020-02-09',
      value: 20000,
      cite: lzf5('一.1', 77),
      note: '“对春节期间（截至2020年2月9日）开工生产的企业，给予每人每天200元一次性用工补贴”。',
    },
    {
      region: '370000',
      from: '2020-01-24',
      until: '2020-02-09',
      value: 20000,
      cite: lrs22('政策细则 一.2', 411),
      note: '“根据2020年1月24日至2020年2月9日期间企业在岗人数，按照每人每天200元的标准给予企业用工补贴”。',
    },
    {
      region: '371500',
      from: '2020-01-24',
      until: '2020-02-09',
      value: 20000,
      cite: lcgov('一.1', 4),
      note: '聊城重申：“给予每人每天200元一次性用工补贴，每个企业最高不超过50万元”。',
    },
  ],
});
