import { defineParameter } from '@wengang/engine';
import { lrs22 } from '../sources';

/** 用人单位类型：企业、个体工商户。 */
export const employerTypes = defineParameter<readonly string[]>({
  id: 'job-referral-subsidy.employer_types',
  label: '用人单位类型',
  unit: 'list',
  values: [
    {
      region: '370000',
      from: '2020-02-04',
      until: '2020-05-04',
      value: ['enterprise', 'individual_business'],
      cite: lrs22('政策细则 三.2', 447),
      note: 'enterprise=企业，individual_business=个体工商户。聊城文件写“我市企业”，不视为排除个体工商户（见 INTERPRETATIONS.md）。',
    },
  ],
});
