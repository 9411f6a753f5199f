import { defineParameter } from '@wengang/engine';
import { lcgov, lrs22 } from '../sources';

/** 用人单位须位于该地区内：省细则为“本省”，聊城为“我市”。 */
export const employerRegionScope = defineParameter<string>({
  id: 'job-referral-subsidy.employer_region_scope',
  label: '用人单位所在地范围（行政区划代码）',
  unit: 'region',
  values: [
    {
      region: '370000',
      from: '2020-02-04',
      until: '2020-05-04',
      value: '370000',
      cite: lrs22('政策细则 三.2', 447),
      note: '“到本省企业、个体工商户就业……由企业所在地……给予”。',
    },
    {
      region: '371500',
      from: '2020-02-04',
      until: '2020-05-04',
      value: '371500',
      cite: lcgov('一.2', 5),
      note: '“到我市企业稳定就业的”。',
    },
  ],
});
