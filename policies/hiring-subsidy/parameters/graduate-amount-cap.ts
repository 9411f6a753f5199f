import { defineParameter } from '@wengang/engine';
import { lrs43, zhb20 } from '../sources';

/** 招用毕业年度高校毕业生：每招用 1 人“最高1000元”。 */
export const graduateAmountCap = defineParameter<number>({
  id: 'hiring-subsidy.graduate_amount_cap',
  label: '一次性吸纳就业补贴上限（招用毕业年度高校毕业生）',
  unit: 'fen/person',
  values: [
    {
      region: '370000',
      from: '2020-03-11',
      until: '2020-12-31',
      value: 100000,
      cite: lrs43('二', 4174),
      note: '“每招用1人，给予最高1000元一次性吸纳就业补贴，招用同一名高校毕业生的只补贴1次”。',
    },
    {
      region: '370000',
      from: '2020-03-11',
      until: '2020-12-31',
      value: 100000,
      cite: zhb20('保居民就业工作方案 二(三)10', 216),
    },
  ],
});
