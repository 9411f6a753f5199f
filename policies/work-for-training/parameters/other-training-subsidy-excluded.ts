/** 享受以工代训补贴期间，能否同时享受其他职业培训补贴。 */
import { defineParameter } from '@wengang/engine';
import { CHANGJI, CJ15, SD78, SHANDONG, cite } from '../sources';

export const otherTrainingSubsidyExcluded = defineParameter<boolean>({
  id: 'work-for-training.other_training_subsidy_excluded',
  label: '享受期间不得同时享受其他职业培训补贴',
  unit: 'boolean',
  values: [
    {
      region: SHANDONG,
      from: '2020-01-01',
      value: false,
      cite: cite(SD78, '四(二)「企业可同时按规定享受以工代训补贴和岗前培训、岗位技能提升等职业培训补贴」', 3899),
      note: '山东允许叠加其他职业培训补贴，只是同一人同一月不得重复享受以工代训补贴。',
    },
    {
      region: CHANGJI,
      from: '2020-01-01',
      value: true,
      cite: cite(CJ15, '五(二)「享受以工代训职业培训补贴期间不得同时享受其他类型的职业培训补贴」', 63),
    },
  ],
});
