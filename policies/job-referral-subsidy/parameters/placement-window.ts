import { defineParameter } from '@wengang/engine';
import { lcgov, lrs22, lzbf4 } from '../sources';

/** 介绍就业（劳动合同起始）须在 2020-02-04 至 2020-05-04（含两端）。 */
export const placementWindow = defineParameter<{ from: string; until: string }>({
  id: 'job-referral-subsidy.placement_window',
  label: '介绍就业的期间（含两端）',
  unit: 'date range',
  values: [
    {
      region: '370000',
      from: '2020-01-01',
      value: { from: '2020-02-04', until: '2020-05-04' },
      cite: lzbf4('19；末段', [54, 58]),
      note: '意见“自印发之日起实施，有效期暂定3个月”（第58行），印发日 2020-02-04；按月计算到期月对应日为最后一日，即 2020-05-04。',
    },
    {
      region: '370000',
      from: '2020-01-01',
      value: { from: '2020-02-04', until: '2020-05-04' },
      cite: lrs22('政策细则 三.2', 447),
      note: '“2020年2月4日至5月4日，介绍……”。',
    },
    {
      region: '371500',
      from: '2020-01-01',
      value: { from: '2020-02-04', until: '2020-05-04' },
      cite: lcgov('一.2', 5),
      note: '聊城：“职业介绍补贴自2020年2月4日起实施，有效期暂定3个月”；与省细则一致取至 2020-05-04（见 INTERPRETATIONS.md）。',
    },
  ],
});
