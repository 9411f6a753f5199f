/**
 * “新吸纳就业人员，须签订劳动合同之前半年内在补贴申报企业无办理就业登记（备案）或缴纳社会保险
 * 记录” (鲁人社字〔2020〕22号 line 429): a record on or after the day `months` months before the
 * contract date (半年内 includes its boundary) and before that date disqualifies.
 */
import { addMonths } from '../../common/dates';

export function lookbackStart(contractDate: string, months: number): string {
  return addMonths(contractDate, -months);
}

export function hasRecentPriorRecord(lastRecord: string, contractDate: string, months: number): boolean {
  if (lastRecord === 'none') return false;
  return lastRecord >= lookbackStart(contractDate, months) && lastRecord < contractDate;
}
