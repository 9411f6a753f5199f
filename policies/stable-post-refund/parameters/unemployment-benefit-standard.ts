import { defineParameter } from '@wengang/engine';
import { CJ15, cite, LU26 } from '../citations';

/**
 * 上年末参保地县（市、区）月失业保险金标准 (Changji: 当地月人均失业保险金), in fen per month.
 *
 * The documents leave the figure to local government and give none. `null` records exactly that:
 * "set locally, not in the library" — the programme then uses the fact `unemploymentBenefitMonthlyFen`
 * supplied by the caller and reports it missing if absent. When a document gives a county's figure,
 * add a value for that county code here; it then takes precedence over the fact.
 */
export const unemploymentBenefitStandard = defineParameter<number | null>({
  id: 'stable-post-refund.unemployment_benefit_monthly_standard',
  label: '上年末参保地月失业保险金标准',
  unit: 'fen/month',
  values: [
    {
      region: '370000',
      from: '2020-01-01',
      value: null,
      cite: cite(LU26, '三(一) 返还标准', 5245),
      note:
        '按「上年末企业参加失业保险所在县（市、区）月失业保险金标准」；山东各县标准（2020年2月起为当地最低工资标准的90%，' +
        '鲁政办发〔2020〕4号 001 L48、聊城2020-03-11通知 004 L29）及最低工资数额均不在文件库中。由调用方输入 unemploymentBenefitMonthlyFen。',
    },
    {
      region: '652300',
      from: '2020-06-01',
      value: null,
      cite: cite(CJ15, '二(一)2', 25),
      note: '按「当地月人均失业保险金」；数额不在文件库中，由调用方输入 unemploymentBenefitMonthlyFen。',
    },
  ],
});
