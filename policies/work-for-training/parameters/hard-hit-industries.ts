/** 受疫情影响较大的行业。 */
import { defineParameter } from '@wengang/engine';
import type { Industry } from '../facts';
import { CHANGJI, CJ15, SD63, SHANDONG, cite } from '../sources';

export const hardHitIndustries = defineParameter<readonly Industry[]>({
  id: 'work-for-training.hard_hit_industries',
  label: '受疫情影响较大的行业',
  unit: 'list',
  values: [
    {
      region: SHANDONG,
      from: '2020-01-01',
      value: ['foreign_trade', 'accommodation_catering', 'culture_tourism', 'transport', 'wholesale_retail'],
      cite: cite(
        SD63,
        '实施方案 二(二)5「受疫情影响较大的外贸、住宿餐饮、文化旅游、交通运输、批发零售行业，补贴范围扩大到大型企业」',
        [264, 268],
      ),
    },
    {
      region: CHANGJI,
      from: '2020-01-01',
      value: ['foreign_trade', 'accommodation_catering', 'culture_tourism', 'transport', 'wholesale_retail'],
      cite: cite(CJ15, '二(二)3「外贸、住宿餐饮、文化旅游、交通运输、批发零售等行业」', 41),
      note: '原文有「等」字；本项目只认列明的五类行业，其他行业须由当地人社部门另行认定（见 INTERPRETATIONS.md）。',
    },
  ],
});
