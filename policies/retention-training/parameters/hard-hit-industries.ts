import { defineParameter } from '@wengang/engine';
import { lc32 } from '../sources';

/** 未触发县（市、区）可自主申请的 5 个特困行业。 */
export const hardHitIndustries = defineParameter<readonly string[]>({
  id: 'retention-training.hard_hit_industries',
  label: '特困行业（餐饮、零售、旅游、民航、公路水路铁路运输）',
  unit: 'list',
  values: [
    {
      region: '371500',
      from: '2022-01-01',
      until: '2022-12-31',
      value: ['catering', 'retail', 'tourism', 'civil_aviation', 'road_water_rail_transport'],
      cite: lc32('一(一)', 21),
      note: 'catering=餐饮，retail=零售，tourism=旅游，civil_aviation=民航，road_water_rail_transport=公路水路铁路运输；同见二(一)1（第35行）、五(一)（第53行）。',
    },
  ],
});
