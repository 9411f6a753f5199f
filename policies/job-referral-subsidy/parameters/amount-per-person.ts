import { defineParameter } from '@wengang/engine';
import { lcgov, lrs22 } from '../sources';

/**
 * 每介绍 1 人 120 元。鲁政办发〔2020〕4号（2020-02-04）只说“市、县级财政可适当给予”，未定标准，
 * 故 2020-03-06 细则印发前没有可用的标准。
 */
export const amountPerPerson = defineParameter<number>({
  id: 'job-referral-subsidy.amount_per_person',
  label: '职业介绍补贴标准',
  unit: 'fen/person',
  values: [
    {
      region: '370000',
      from: '2020-02-04',
      until: '2020-05-04',
      value: 12000,
      cite: lrs22('政策细则 三.2', 447),
      note: '“由企业所在地按每人120元的标准给予职业介绍补贴。有条件的市，可适当提高补贴标准”。',
    },
    {
      region: '371500',
      from: '2020-02-04',
      until: '2020-05-04',
      value: 12000,
      cite: lcgov('一.2', 5),
      note: '聊城确定为“按每人120元标准给予职业介绍补贴”，未提高。',
    },
  ],
});
