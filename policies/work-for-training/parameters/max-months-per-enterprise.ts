/** 同一企业在政策执行期内最长可申请的月数。 */
import { defineParameter } from '@wengang/engine';
import { LC58, LIAOCHENG, SD78, SHANDONG, cite } from '../sources';

export const maxMonthsPerEnterprise = defineParameter<number>({
  id: 'work-for-training.max_months_per_enterprise',
  label: '每个企业最长可申请月数',
  unit: 'months',
  values: [
    {
      region: LIAOCHENG,
      from: '2020-01-01',
      value: 6,
      cite: cite(LC58, '附件2 操作指南 4「补贴本年度最多申请 6 次」', 131),
      note: '聊城市申报系统按单位每年最多 6 次（每个补贴年月一次，L135），即每个企业最多 6 个月。',
    },
    {
      region: SHANDONG,
      from: '2020-01-01',
      value: 6,
      cite: cite(SD78, '四(三)「同一企业在政策执行期内，最长可申请6个月的以工代训补贴」', 3901),
      note: '63号只写「最长6个月」（按人），没有企业累计月数上限；78号起全省按企业计（两类补贴合计）。',
    },
  ],
});
