/**
 * Refund as a share of the previous year's contributions: 50% (一般企业, 鲁人社字〔2020〕26号 二(一))
 * or 100% (中小微企业, 鲁人社字〔2020〕63号 二(一)1; 昌州人社发〔2020〕15号 二(一)1).
 * Rounded half up to the fen.
 */
import { percentOfFenRoundHalfUp } from './money';
import type { Ratio } from './ratio';

export function refundAmountGeneral(contributionBaseFen: number, rate: Ratio): number {
  return percentOfFenRoundHalfUp(contributionBaseFen, rate);
}
