/** 一个月内只能申请一种以工代训补贴。 */
import { defineParameter } from '@wengang/engine';
import { LC58, LIAOCHENG, SD78, SHANDONG, cite } from '../sources';

export const oneTypePerMonth = defineParameter<boolean>({
  id: 'work-for-training.one_type_per_month',
  label: '每月只能申请一类以工代训补贴',
  unit: 'boolean',
  values: [
    {
      region: LIAOCHENG,
      from: '2020-01-01',
      value: true,
      cite: cite(LC58, '附件2 操作指南 4「补贴每个单位、每个补贴年月只能申请一次」', 135),
    },
    {
      region: SHANDONG,
      from: '2020-01-01',
      value: true,
      cite: cite(
        SD78,
        '四(三)「在一个月的申领期内只能申请新吸纳就业以工代训补贴或受疫情影响困难企业以工代训补贴两项中的一项」',
        3901,
      ),
    },
  ],
});
