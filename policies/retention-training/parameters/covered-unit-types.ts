import { defineParameter } from '@wengang/engine';
import { lc32 } from '../sources';

/** 享受主体：参保企业，以及“参照实施”的六类单位。机关事业单位等不在其列。 */
export const coveredUnitTypes = defineParameter<readonly string[]>({
  id: 'retention-training.covered_unit_types',
  label: '适用单位类型（参保企业及参照实施单位）',
  unit: 'list',
  values: [
    {
      region: '371500',
      from: '2022-01-01',
      until: '2022-12-31',
      value: [
        'enterprise',
        'social_organization',
        'foundation',
        'social_service_agency',
        'law_firm',
        'accounting_firm',
        'individual_business_unit_insured',
      ],
      cite: lc32('一(一)', 21),
      note: 'enterprise=参保企业；“社会团体、基金会、社会服务机构、律师事务所、会计师事务所、以单位形式参保的个体工商户参照实施”（同见五(一)，第53行）。',
    },
  ],
});
