/** 以工代训补贴标准：每人每月多少钱。 */
import { defineParameter } from '@wengang/engine';
import { CHANGJI, CJ15, SD63, SD78, SHANDONG, cite } from '../sources';

export const amountPerPersonMonth = defineParameter<number>({
  id: 'work-for-training.amount_per_person_month',
  label: '以工代训补贴标准',
  unit: 'fen/person/month',
  values: [
    {
      region: SHANDONG,
      from: '2020-01-01',
      value: 50000,
      cite: cite(SD63, '实施方案 二(二)5、6「每月500元/人、最长6个月」', [264, 270]),
      note: '吸纳就业和困难企业两类以工代训均为 500 元/人/月。',
    },
    {
      region: SHANDONG,
      from: '2020-01-01',
      value: 50000,
      cite: cite(SD78, '一、二「按吸纳人数给予企业每月500元/人」「每月500元/人」', [3885, 3889]),
      note: '78号重申 500 元/人/月，标准未变。',
    },
    {
      region: CHANGJI,
      from: '2020-01-01',
      value: 30000,
      cite: cite(CJ15, '三、以工代训补贴标准「每人每月 300 元」', 45),
    },
  ],
});
