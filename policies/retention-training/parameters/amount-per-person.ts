import { defineParameter } from '@wengang/engine';
import { lc32 } from '../sources';

/** 一次性留工培训补助标准：500 元/人（一次性）。 */
export const amountPerPerson = defineParameter<number>({
  id: 'retention-training.amount_per_person',
  label: '一次性留工培训补助标准',
  unit: 'fen/person',
  values: [
    {
      region: '371500',
      from: '2022-01-01',
      until: '2022-12-31',
      value: 50000,
      cite: lc32('一(一)', 21),
      note: '“按 500 元/人标准发放一次性留工培训补助”；人数按五(一)核定（第53行）。',
    },
  ],
});
