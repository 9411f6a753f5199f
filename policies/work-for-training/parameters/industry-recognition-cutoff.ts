/** 五类行业认定：此日期后变更登记增加该经营范围的，不予认定。 */
import { defineParameter } from '@wengang/engine';
import { SD78, SHANDONG, cite } from '../sources';

export const industryRecognitionCutoff = defineParameter<string>({
  id: 'work-for-training.industry_recognition_cutoff',
  label: '五类行业经营范围变更截止日',
  unit: 'date',
  values: [
    {
      region: SHANDONG,
      from: '2020-01-01',
      value: '2020-05-09',
      cite: cite(SD78, '四(一)「对在2020年5月9日后，变更企业登记的、变更增加上述行业经营范围的企业，不予认定」', 3897),
      note: '「5月9日后」不含5月9日当天：当天变更的仍可认定。',
    },
  ],
});
