import { defineParameter } from '@wengang/engine';
import { lc32 } from '../sources';

/** 一次性扩岗补助标准：1500 元/人。 */
export const amountPerPerson = defineParameter<number>({
  id: 'job-expansion.amount_per_person',
  label: '一次性扩岗补助标准',
  unit: 'fen/person',
  values: [
    {
      region: '371500',
      from: '2022-01-01',
      until: '2022-12-31',
      value: 150000,
      cite: lc32('一(二)', [25, 27]),
      note: '“按照1500元/人的标准发放一次性扩岗补助”。',
    },
  ],
});
