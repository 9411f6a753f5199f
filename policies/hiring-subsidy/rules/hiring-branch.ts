/**
 * Which of the two 一次性吸纳就业补贴 applies to a hire, by its date: 复工新吸纳 (2020-02-10 …
 * 2020-03-10, any new hire) or 中小微企业招用毕业年度高校毕业生 (2020-03-11 … 2020-12-31). A window
 * the decision date does not yet know is undefined.
 */
import { isWithin, type Range } from '../../common/dates';

export type Branch = 'new_hire' | 'graduate';

export function hiringBranch(
  hireDate: string,
  newHire: Range | undefined,
  graduate: Range | undefined,
): Branch | undefined {
  if (newHire !== undefined && isWithin(hireDate, newHire)) return 'new_hire';
  if (graduate !== undefined && isWithin(hireDate, graduate)) return 'graduate';
  return undefined;
}
