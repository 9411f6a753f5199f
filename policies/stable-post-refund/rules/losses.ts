/**
 * 「2018年和2019年出现亏损」 (鲁人社字〔2020〕26号 三(二)1): a net loss (净利润 < 0) in every listed year.
 * A result of exactly zero is not a loss.
 */
export function lossInEveryYear(netProfitsFen: readonly number[]): boolean {
  return netProfitsFen.length > 0 && netProfitsFen.every((p) => p < 0);
}
