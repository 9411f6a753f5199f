/**
 * Person-day arithmetic with the per-enterprise cap (每人每天200元，每个企业最高不超过50万元): each
 * day earns rate × headcount; once the cap (less what was already paid) is reached, the day that
 * crosses it pays only the remainder and later days pay nothing. All integers in fen.
 */
export interface DayAmount {
  date: string;
  headcount: number;
  ratePerPersonDayFen: number;
  /** rate × headcount before the cap. */
  earnedFen: number;
  /** What is paid for the day after the cap. */
  paidFen: number;
}

export function cappedDailyAmounts(
  days: readonly { date: string; headcount: number; ratePerPersonDayFen: number }[],
  capFen: number,
  alreadyPaidFen: number,
): DayAmount[] {
  let remaining = Math.max(0, capFen - alreadyPaidFen);
  return days.map(({ date, headcount, ratePerPersonDayFen }) => {
    const earnedFen = ratePerPersonDayFen * headcount;
    const paidFen = Math.min(earnedFen, remaining);
    remaining -= paidFen;
    return { date, headcount, ratePerPersonDayFen, earnedFen, paidFen };
  });
}
