/**
 * Step deadlines on the working-day calendar (法定节假日 and 调休 from @wengang/kernel): due dates,
 * and the overdue / due-today flags of the queue.
 */
import { addDays, addWorkingDays, workingDaysBetween } from '@wengang/kernel';
import type { Deadline } from './workflows';

/** The last day a step may take, counted from `base` (the day the step or the case began). */
export function dueDate(deadline: Deadline, base: string): string {
  if (deadline.workingDays !== undefined) return addWorkingDays(base, deadline.workingDays);
  if (deadline.calendarDays !== undefined) return addDays(base, deadline.calendarDays);
  throw new Error(`deadline without a length: ${deadline.label}`);
}

export interface DeadlineFlags {
  dueOn: string | null;
  /** Today is past the due date. */
  overdue: boolean;
  /** Today is the due date. */
  dueToday: boolean;
  /** Working days after today up to and including the due date (0 when due today or overdue). */
  workingDaysLeft: number | null;
}

export function deadlineFlags(dueOn: string | null, today: string): DeadlineFlags {
  if (!dueOn) return { dueOn: null, overdue: false, dueToday: false, workingDaysLeft: null };
  const overdue = today > dueOn;
  const dueToday = today === dueOn;
  return {
    dueOn,
    overdue,
    dueToday,
    workingDaysLeft: overdue || dueToday ? 0 : workingDaysBetween(today, dueOn),
  };
}

/** The earlier of two optional dates. */
export function earliest(a: string | null, b: string | null): string | null {
  if (!a) return b;
  if (!b) return a;
  return a < b ? a : b;
}
