/** 毕业时间为 2022 年 1-12 月（一(二) line 25）: the graduation month lies in the window, both ends included. */
import { isWithin, type Range } from '../../common/dates';

export function isGraduateOfWindow(graduationMonth: string, window: Range): boolean {
  return isWithin(graduationMonth, window);
}
