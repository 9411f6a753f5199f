/** 申领以月为单位：一次申领对应一个补贴年月。 */
import { defineParameter } from '@wengang/engine';
import { CHANGJI, CJ15, SD63, SD78, SHANDONG, cite } from '../sources';

export const claimUnit = defineParameter<'month'>({
  id: 'work-for-training.claim_unit',
  label: '以工代训补贴申领单位',
  unit: 'enum',
  values: [
    {
      region: SHANDONG,
      from: '2020-01-01',
      value: 'month',
      cite: cite(SD63, '实施方案 二(二)「应按月向当地人力资源社会保障部门提供以工代训人员花名册」', 272),
    },
    {
      region: SHANDONG,
      from: '2020-01-01',
      value: 'month',
      cite: cite(SD78, '三「以工代训补贴申领业务以月为单位，企业可逐月申领，也可集中申领」', 3893),
      note: '集中申领时每个补贴年月分别评估（每月一个请求）。',
    },
    {
      region: CHANGJI,
      from: '2020-01-01',
      value: 'month',
      cite: cite(CJ15, '四(三)「按月进行申请、审核」', 53),
    },
  ],
});
