/** 须先提交以工代训培训计划并经审核备案。 */
import { defineParameter } from '@wengang/engine';
import { CHANGJI, CJ15, cite } from '../sources';

export const trainingPlanRequired = defineParameter<boolean>({
  id: 'work-for-training.training_plan_required',
  label: '以工代训培训计划须经审核备案',
  unit: 'boolean',
  values: [
    {
      region: CHANGJI,
      from: '2020-01-01',
      value: true,
      cite: cite(CJ15, '四(一)「需要提交《昌吉州以工代训培训计划申请表》，报当地人社部门审核备案」', 49),
      note: '四(二)（L51）审核通过的企业在同级人民政府网站公示。',
    },
  ],
});
