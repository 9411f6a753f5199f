import { defineParameter } from '@wengang/engine';
import { lrs22 } from '../sources';

/** 新吸纳人员签订劳动合同之前半年内在本企业无就业登记（备案）或缴纳社会保险记录。 */
export const priorRecordLookbackMonths = defineParameter<number>({
  id: 'hiring-subsidy.prior_record_lookback_months',
  label: '签订劳动合同前不得在本企业有登记或缴费记录的月数',
  unit: 'months',
  values: [
    {
      region: '370000',
      from: '2020-02-10',
      until: '2020-03-10',
      value: 6,
      cite: lrs22('政策细则 二.2', 429),
      note: '“须签订劳动合同之前半年内在补贴申报企业无办理就业登记（备案）或缴纳社会保险记录”；鲁政发〔2020〕5号无此限制，故 2020-03-06 前的决定不适用。',
    },
  ],
});
