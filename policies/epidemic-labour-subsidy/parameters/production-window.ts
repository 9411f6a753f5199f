import { defineParameter } from '@wengang/engine';
import { lcgov, lrs22, lzf5 } from '../sources';

/** 春节期间：2020-01-24 至 2020-02-09（含两端），开工生产且在岗的天数计补。 */
export const productionWindow = defineParameter<{ from: string; until: string }>({
  id: 'epidemic-labour-subsidy.production_window',
  label: '春节期间（计补日期范围，含两端）',
  unit: 'date range',
  values: [
    {
      region: '370000',
      from: '2020-01-01',
      value: { from: '2020-01-24', until: '2020-02-09' },
      cite: lzf5('一.1', 77),
      note: '只写“春节期间（截至2020年2月9日）”，未写起始日；起始日取 2020-01-24（除夕，春节假期首日），与其后细则一致。',
    },
    {
      region: '370000',
      from: '2020-01-01',
      value: { from: '2020-01-24', until: '2020-02-09' },
      cite: lrs22('政策细则 一.1', 405),
      note: '“春节期间（2020年1月24日至2020年2月9日）开工生产的疫情防控重点物资生产企业”。',
    },
    {
      region: '371500',
      from: '2020-01-01',
      value: { from: '2020-01-24', until: '2020-02-09' },
      cite: lcgov('一.1', 4),
      note: '聊城：“春节期间（截至2020年2月9日）开工生产的企业”；起始日沿用省细则。',
    },
  ],
});
