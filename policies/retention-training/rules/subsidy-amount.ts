/** 500 元/人 × 人数, in fen (一(一) line 21). Integer in, integer out. */
export function subsidyAmountFen(ratePerPersonFen: number, persons: number): number {
  return ratePerPersonFen * persons;
}
