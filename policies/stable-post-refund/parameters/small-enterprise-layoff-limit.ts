import { defineParameter } from '@wengang/engine';
import { cite, LU26 } from '../citations';
import type { SmallEnterpriseRelaxation } from '../rules/layoff-rate';

/** 30人（含）以下参保企业的裁员率放宽. */
export const smallEnterpriseLayoffLimit = defineParameter<SmallEnterpriseRelaxation>({
  id: 'stable-post-refund.small_enterprise_layoff_limit',
  label: '30人（含）以下参保企业裁员率放宽标准',
  unit: 'persons+fraction',
  values: [
    {
      region: '370000',
      from: '2020-01-01',
      value: { maxInsured: 30, limit: { num: 20, den: 100 } },
      cite: cite(LU26, '二(二)3 申请条件', 5237),
      note: '「30人（含）以下的参保企业放宽到不超过参保职工总数的20%」；人数按上年度参保职工人数判断（与裁员率分母一致）。',
    },
  ],
});
