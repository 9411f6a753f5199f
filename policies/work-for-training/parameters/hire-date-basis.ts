/** 新吸纳时间以哪一项登记为准。 */
import { defineParameter } from '@wengang/engine';
import { CHANGJI, CJ15, SD63, SD78, SHANDONG, cite } from '../sources';

/**
 * `employment_registration`: the hire is the 就业登记 (required);
 * `earlier_registration`: the earlier of 就业登记 and 社保登记 (at least one required).
 */
export type HireDateBasis = 'employment_registration' | 'earlier_registration';

export const hireDateBasis = defineParameter<HireDateBasis>({
  id: 'work-for-training.hire_date_basis',
  label: '新吸纳时间的认定依据',
  unit: 'enum',
  values: [
    {
      region: SHANDONG,
      from: '2020-01-01',
      value: 'employment_registration',
      cite: cite(SD63, '实施方案 二(二)5「就业并办理就业登记」', 264),
      note: '63号要求新吸纳人员办理就业登记，以就业登记日期为新吸纳时间。',
    },
    {
      region: SHANDONG,
      from: '2020-01-01',
      value: 'earlier_registration',
      cite: cite(SD78, '一「新吸纳时间以办理就业登记或社保登记较早时间为准」', 3885),
    },
    {
      region: CHANGJI,
      from: '2020-01-01',
      value: 'earlier_registration',
      cite: cite(CJ15, '二(二)1「吸纳……就业，并开展以工代训的」', 37),
      note: '昌吉州未规定新吸纳时间的认定依据，也不要求就业登记；取就业登记、社保登记中较早者（见 INTERPRETATIONS.md）。',
    },
  ],
});
