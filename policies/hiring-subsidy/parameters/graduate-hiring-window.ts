import { defineParameter } from '@wengang/engine';
import { lrs43, zhb20 } from '../sources';

/** 中小微企业招用毕业年度高校毕业生的招用期间：2020-03-11 至 2020-12-31。 */
export const graduateHiringWindow = defineParameter<{ from: string; until: string }>({
  id: 'hiring-subsidy.graduate_hiring_window',
  label: '招用毕业年度高校毕业生的招用期间（含两端）',
  unit: 'date range',
  values: [
    {
      region: '370000',
      from: '2020-01-01',
      value: { from: '2020-03-11', until: '2020-12-31' },
      cite: lrs43('二', 4174),
      note: '“2020年3月11日至12月31日，中小微企业招用毕业年度高校毕业生……”。',
    },
    {
      region: '370000',
      from: '2020-01-01',
      value: { from: '2020-03-11', until: '2020-12-31' },
      cite: zhb20('保居民就业工作方案 二(三)10', 216),
      note: '“六保三促”方案重申，内容相同。',
    },
  ],
});
