import { defineParameter } from '@wengang/engine';
import { lrs43 } from '../sources';

/** 招用毕业年度高校毕业生一项只适用于中小微企业（按工信部联企业〔2011〕300号划型）。 */
export const graduateEnterpriseSizes = defineParameter<readonly string[]>({
  id: 'hiring-subsidy.graduate_enterprise_sizes',
  label: '可享受的企业规模（招用毕业年度高校毕业生）',
  unit: 'list',
  values: [
    {
      region: '370000',
      from: '2020-03-11',
      until: '2020-12-31',
      value: ['medium', 'small', 'micro'],
      cite: lrs43('二', 4174),
      note: 'medium=中型，small=小型，micro=微型；“中小微企业招用毕业年度高校毕业生”。',
    },
  ],
});
