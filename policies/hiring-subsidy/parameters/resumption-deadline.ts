import { defineParameter } from '@wengang/engine';
import { lcgov } from '../sources';

/** 聊城：企业须于 2020年3月10日前（含当日）复工。省文件无单独复工日期条件。 */
export const resumptionDeadline = defineParameter<string>({
  id: 'hiring-subsidy.resumption_deadline',
  label: '企业复工最迟日期（含）',
  unit: 'date',
  values: [
    {
      region: '371500',
      from: '2020-02-10',
      until: '2020-03-10',
      value: '2020-03-10',
      cite: lcgov('一.1', 4),
      note: '“对2020年3月10日前复工……的企业”；“前”按含当日理解，与招用期间截止日 3月10日一致（见 INTERPRETATIONS.md）。',
    },
  ],
});
