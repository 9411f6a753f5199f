/** 专账资金低于建账资金规模的多少比例时停止执行以工代训。 */
import { defineParameter } from '@wengang/engine';
import { SD63, SHANDONG, cite } from '../sources';

export const specialAccountStopRatio = defineParameter<number>({
  id: 'work-for-training.special_account_stop_ratio',
  label: '专账资金停止执行线（占建账资金规模的百分比）',
  unit: '%',
  values: [
    {
      region: SHANDONG,
      from: '2020-01-01',
      value: 30,
      cite: cite(SD63, '实施方案 三(四)「各市专账资金低于建账资金规模30%时，停止执行以工代训政策」', 286),
      note: '「低于」不含本数：余额恰为 30% 时仍执行。78号未改（L3907「本通知未作规定的，仍按照……63号执行」）。',
    },
  ],
});
