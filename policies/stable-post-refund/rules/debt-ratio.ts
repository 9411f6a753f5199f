/**
 * 「资产负债率在30%至70%范围内」 (鲁人社字〔2020〕26号 三(二)1): liabilities ÷ assets within the range,
 * both ends included, compared exactly.
 */
import { formatFractionAsPercent, fractionWithin, type RatioRange } from './ratio';

export function debtRatioWithin(totalAssetsFen: number, totalLiabilitiesFen: number, range: RatioRange): boolean {
  if (totalAssetsFen <= 0) return false;
  return fractionWithin(BigInt(totalLiabilitiesFen), BigInt(totalAssetsFen), range);
}

export function debtRatioText(totalAssetsFen: number, totalLiabilitiesFen: number): string {
  return formatFractionAsPercent(BigInt(totalLiabilitiesFen), BigInt(totalAssetsFen));
}
