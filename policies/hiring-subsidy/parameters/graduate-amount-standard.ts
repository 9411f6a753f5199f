import { defineParameter } from '@wengang/engine';
import { lrs43 } from '../sources';

/**
 * 招用毕业年度高校毕业生的实际补贴标准。文件只定上限（最高1000元），具体标准由各地确定；
 * 各地未另行发文前按上限 1000 元执行（可由市、县以本地区代码另加取值覆盖）。
 */
export const graduateAmountStandard = defineParameter<number>({
  id: 'hiring-subsidy.graduate_amount_standard',
  label: '一次性吸纳就业补贴标准（招用毕业年度高校毕业生，地方确定，默认取上限）',
  unit: 'fen/person',
  values: [
    {
      region: '370000',
      from: '2020-03-11',
      until: '2020-12-31',
      value: 100000,
      cite: lrs43('二', 4174),
      note: '默认值：文件“最高1000元”，未规定具体标准，留待各地确定；本系统在地方未定标准时取上限 1000 元，实际发放额不超过上限参数。',
    },
  ],
});
