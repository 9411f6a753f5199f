/** 吸纳就业以工代训：哪些新吸纳人员可以补贴。 */
import { defineParameter } from '@wengang/engine';
import type { PersonCategory } from '../facts';
import { CHANGJI, CJ15, SD63, SD78, SHANDONG, cite } from '../sources';

export const eligiblePersonCategories = defineParameter<readonly PersonCategory[]>({
  id: 'work-for-training.eligible_person_categories',
  label: '吸纳就业以工代训补贴人员范围',
  unit: 'list',
  values: [
    {
      region: SHANDONG,
      from: '2020-01-01',
      value: ['就业困难人员', '零就业家庭成员', '离校两年内高校毕业生', '登记失业人员'],
      cite: cite(
        SD63,
        '实施方案 二(二)5；政策细则 二(一)2（L362）「新吸纳就业困难人员、零就业家庭成员、离校两年内高校毕业生、登记失业人员」',
        264,
      ),
    },
    {
      region: SHANDONG,
      from: '2020-01-01',
      value: [
        '就业困难人员',
        '零就业家庭成员',
        '离校两年内高校毕业生',
        '登记失业人员',
        '建档立卡贫困劳动力',
        '离校2年内技工院校及特殊教育院校职业教育类毕业生',
      ],
      cite: cite(SD78, '一、扩大企业吸纳就业以工代训补贴范围', 3885),
      note:
        '78号增加「我省及来我省就业建档立卡贫困劳动力」「离校2年内技工院校及特殊教育院校职业教育类毕业生」，' +
        '并写明高校毕业生「含专科、高职毕业生」（澄清，不是新增类别）。',
    },
    {
      region: CHANGJI,
      from: '2020-01-01',
      value: ['就业困难人员', '零就业家庭成员', '离校两年内高校毕业生', '登记失业人员'],
      cite: cite(CJ15, '二(二)1「吸纳就业困难人员、零就业家庭成员、离校2年内高校毕业生、登记失业人员就业」', 37),
    },
  ],
});
