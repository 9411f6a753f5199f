import { defineParameter } from '@wengang/engine';
import { cite, LU26 } from '../citations';
import type { DateWindow } from '../rules/period';

/**
 * 一般企业稳岗返还执行期 (claims decided/paid in this window). The value is the window itself; the
 * parameter value is open-ended from the window's start so that a claim after the window still
 * resolves it and the refusal can name the dates.
 */
export const generalPeriod = defineParameter<DateWindow>({
  id: 'stable-post-refund.general_period',
  label: '一般企业稳岗返还执行期',
  unit: 'date-range',
  values: [
    {
      region: '370000',
      from: '2020-01-01',
      value: { from: '2020-01-01', until: '2020-12-31' },
      cite: cite(LU26, '四(三) 2020年3月底前全部发放到位、4月份及以后随时发放', 5265),
      note:
        '26号未写一般企业稳岗返还的终止日期；其条件（裁员率放宽到5.5%、2020年阶段性减免视同按时缴费）与发放安排均针对2020年度，' +
        '故本规则只覆盖2020年度（2020-01-01至2020-12-31）的返还，以后年度需依据新的文件。见 INTERPRETATIONS.md §1。',
    },
  ],
});
