/**
 * 「2019年营业收入同比下降幅度在30%至70%范围内」 (鲁人社字〔2020〕26号 三(二)2):
 * (base − current) ÷ base within the range, both ends included, compared exactly.
 * A rise (negative drop) or a zero base never qualifies.
 */
import { formatFractionAsPercent, fractionWithin, type RatioRange } from './ratio';

export function revenueDropWithin(baseYearRevenueFen: number, revenueFen: number, range: RatioRange): boolean {
  if (baseYearRevenueFen <= 0) return false;
  const drop = BigInt(baseYearRevenueFen) - BigInt(revenueFen);
  return fractionWithin(drop, BigInt(baseYearRevenueFen), range);
}

export function revenueDropText(baseYearRevenueFen: number, revenueFen: number): string {
  return formatFractionAsPercent(BigInt(baseYearRevenueFen) - BigInt(revenueFen), BigInt(baseYearRevenueFen));
}
