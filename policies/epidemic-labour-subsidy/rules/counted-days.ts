/**
 * The days that count: from the later of the window start and the production start, to the
 * window end (春节期间 2020-01-24 … 2020-02-09, 鲁人社字〔2020〕22号 line 405/411). Empty when
 * production started after the window.
 */
import { eachDay, type Range } from '../../common/dates';

export function countedDays(window: Range, productionStart: string): string[] {
  const from = productionStart > window.from ? productionStart : window.from;
  return from > window.until ? [] : eachDay(from, window.until);
}
